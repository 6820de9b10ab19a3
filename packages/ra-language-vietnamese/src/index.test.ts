import { describe, expect, it } from 'vitest';
import englishMessages from 'ra-language-english';
import vietnameseMessages, {
    vietnameseMessages as namedVietnameseMessages,
} from './index';

type Tree = { [key: string]: string | Tree };

/** Flattens a nested message object into `{ 'ra.action.save': 'Save', ... }`. */
const flatten = (tree: unknown, prefix = ''): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tree as Tree)) {
        const path = prefix ? `${prefix}.${key}` : key;
        if (value !== null && typeof value === 'object') {
            Object.assign(out, flatten(value, path));
        } else {
            out[path] = value;
        }
    }
    return out;
};

const PLURAL_DELIMITER = '||||';
const placeholders = (text: string): string[] =>
    [...new Set([...text.matchAll(/%\{(.*?)\}/g)].map(m => m[1] ?? ''))].sort();

const en = flatten(englishMessages) as Record<string, string>;
const vi = flatten(vietnameseMessages);
const enKeys = Object.keys(en).sort();
const viKeys = Object.keys(vi).sort();

/**
 * Messages that legitimately stay identical to English: they hold nothing
 * but placeholders (or the blank label of a null boolean).
 */
const IDENTICAL_TO_ENGLISH = [
    'ra.boolean.null', // '\u2003' (an em space)
    'ra.page.edit', // '%{name} %{recordRepresentation}'
    'ra.page.list', // '%{name}'
    'ra.page.show', // '%{name} %{recordRepresentation}'
].sort();

describe('ra-language-vietnamese', () => {
    it('exports the same object as default and as `vietnameseMessages`', () => {
        expect(namedVietnameseMessages).toBe(vietnameseMessages);
    });

    it('has exactly the key paths of ra-language-english', () => {
        expect(enKeys.length).toBeGreaterThan(150);
        expect(viKeys).toEqual(enKeys);
    });

    it('has a non-empty string for every key', () => {
        for (const key of viKeys) {
            const value = vi[key];
            expect(typeof value, key).toBe('string');
            expect((value as string).length, key).toBeGreaterThan(0);
            // Only blank where English is blank too (ra.boolean.null).
            if ((en[key] ?? '').trim() !== '') {
                expect((value as string).trim(), key).not.toBe('');
            }
        }
    });

    it('keeps the same %{placeholders} as English for every key', () => {
        for (const key of enKeys) {
            expect(placeholders(vi[key] as string), key).toEqual(
                placeholders(en[key] as string)
            );
        }
    });

    it('keeps the same number of smart_count plural forms, with the same placeholders in each', () => {
        for (const key of enKeys) {
            const enForms = (en[key] as string).split(PLURAL_DELIMITER);
            const viForms = (vi[key] as string).split(PLURAL_DELIMITER);
            expect(viForms.length, key).toBe(enForms.length);
            enForms.forEach((form, i) => {
                expect(placeholders(viForms[i] ?? ''), `${key} form ${i}`).toEqual(
                    placeholders(form)
                );
                if (form.trim() !== '') {
                    expect((viForms[i] ?? '').trim(), `${key} form ${i}`).not.toBe('');
                }
            });
        }
        // The plural keys English uses must still be plural here.
        expect(
            enKeys.filter(k => (vi[k] as string).includes(PLURAL_DELIMITER))
        ).toEqual(enKeys.filter(k => en[k]!.includes(PLURAL_DELIMITER)));
    });

    it('translates every message, except the listed placeholder-only ones', () => {
        const identical = enKeys.filter(k => vi[k] === en[k]).sort();
        expect(identical).toEqual(IDENTICAL_TO_ENGLISH);
    });

    it('leaves no common English word behind', () => {
        const english =
            /\b(the|and|please|are you sure|error|page|item|items|select|delete|save|cancel|search|must|no|yes)\b/i;
        for (const key of viKeys) {
            const text = (vi[key] as string).replace(/%\{.*?\}/g, '');
            expect(text, key).not.toMatch(english);
        }
    });

    it('is written in NFC with the modern tone-mark placement (Xóa, Hủy, Tùy)', () => {
        for (const key of viKeys) {
            const value = vi[key] as string;
            expect(value, key).toBe(value.normalize('NFC'));
            // Old-style placement on open "oa/oe/uy" syllables (xoá, huỷ, tuỳ) is not used.
            expect(value, key).not.toMatch(
                /(?<![qQ])(o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?![\p{L}])/u
            );
        }
    });

    it('spot checks', () => {
        const m = vietnameseMessages as unknown as { ra: Record<string, Record<string, unknown>> };
        expect(m.ra.action!.save).toBe('Lưu');
        expect(m.ra.action!.delete).toBe('Xóa');
        expect(m.ra.action!.cancel).toBe('Hủy');
        expect(m.ra.action!.search).toBe('Tìm kiếm');
        expect(m.ra.action!.bulk_actions).toBe(
            'Đã chọn 1 mục |||| Đã chọn %{smart_count} mục'
        );
        expect(m.ra.boolean!.true).toBe('Có');
        expect(m.ra.boolean!.false).toBe('Không');
        expect(m.ra.validation!.required).toBe('Trường bắt buộc');
        expect(m.ra.navigation!.page_range_info).toBe(
            '%{offsetBegin}-%{offsetEnd} trên %{total}'
        );
        expect(m.ra.sort!.ASC).toBe('tăng dần');
        expect(m.ra.sort!.DESC).toBe('giảm dần');
        expect(m.ra.auth!.sign_in).toBe('Đăng nhập');
        expect(m.ra.auth!.logout).toBe('Đăng xuất');
        expect(vi['ra.guesser.empty.title']).toBe('Không có dữ liệu để hiển thị');
    });

    it('selects and interpolates plural forms the way polyglot does for "vi"', () => {
        // node-polyglot has no plural rule for "vi" and falls back to the
        // English one: form 0 when smart_count === 1, form 1 otherwise.
        const t = (key: string, options: Record<string, string | number>) => {
            const forms = (vi[key] as string).split(PLURAL_DELIMITER);
            const count = options.smart_count;
            const phrase =
                count == null ? forms[0]! : (forms[count === 1 ? 0 : 1] ?? forms[0]!);
            return phrase
                .trim()
                .replace(/%\{(.*?)\}/g, (whole, name: string) =>
                    options[name] == null ? whole : String(options[name])
                );
        };
        expect(t('ra.action.bulk_actions', { smart_count: 1 })).toBe('Đã chọn 1 mục');
        expect(t('ra.action.bulk_actions', { smart_count: 5 })).toBe('Đã chọn 5 mục');
        expect(t('ra.notification.deleted', { smart_count: 3 })).toBe('Đã xóa 3 bản ghi');
        expect(
            t('ra.message.bulk_delete_title', { smart_count: 2, name: 'đơn vị' })
        ).toBe('Xóa 2 đơn vị');
        expect(
            t('ra.navigation.page_range_info', { offsetBegin: 1, offsetEnd: 10, total: 42 })
        ).toBe('1-10 trên 42');
    });
});
