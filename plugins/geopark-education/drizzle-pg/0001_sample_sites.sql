-- PostgreSQL twin of drizzle/0001_sample_sites.sql (same rows; booleans as true).
-- Sample sites (dữ liệu mẫu): real places of Lạng Sơn that schools visit, marked is_sample = true so that an
-- administrator can correct or delete them. Ranks are left empty where they were not checked.
INSERT INTO "geopark_education_sites" ("code", "name_vi", "name_en", "kind", "rank", "commune_vi", "is_sample", "note_vi") VALUES
  ('dong-tam-thanh', 'Động Tam Thanh', 'Tam Thanh Cave', 'rankedRelic', NULL, 'Phường Tam Thanh', true, 'Dữ liệu mẫu. Thuộc danh thắng Nhị Thanh – Tam Thanh; cấp xếp hạng chưa được kiểm tra.'),
  ('chua-tien', 'Chùa Tiên', 'Tiên Pagoda', 'rankedRelic', NULL, NULL, true, 'Dữ liệu mẫu. Cấp xếp hạng và xã, phường chưa được kiểm tra.'),
  ('ai-chi-lang', 'Ải Chi Lăng', 'Chi Lăng Pass', 'rankedRelic', NULL, 'Xã Chi Lăng', true, 'Dữ liệu mẫu. Khu di tích lịch sử Chi Lăng; cấp xếp hạng chưa được kiểm tra.'),
  ('bao-tang-lang-son', 'Bảo tàng tỉnh Lạng Sơn', 'Lạng Sơn Provincial Museum', 'museum', NULL, NULL, true, 'Dữ liệu mẫu.'),
  ('thu-vien-lang-son', 'Thư viện tỉnh Lạng Sơn', 'Lạng Sơn Provincial Library', 'library', NULL, NULL, true, 'Dữ liệu mẫu.');
