-- Sample sites (dữ liệu mẫu): real places of Lạng Sơn that schools visit, marked is_sample = 1 so that an
-- administrator can correct or delete them. Ranks are left empty where they were not checked.
INSERT INTO `geopark_education_sites` (`code`, `name_vi`, `name_en`, `kind`, `rank`, `commune_vi`, `is_sample`, `note_vi`) VALUES
  ('dong-tam-thanh', 'Động Tam Thanh', 'Tam Thanh Cave', 'rankedRelic', NULL, 'Phường Tam Thanh', 1, 'Dữ liệu mẫu. Thuộc danh thắng Nhị Thanh – Tam Thanh; cấp xếp hạng chưa được kiểm tra.'),
  ('chua-tien', 'Chùa Tiên', 'Tiên Pagoda', 'rankedRelic', NULL, NULL, 1, 'Dữ liệu mẫu. Cấp xếp hạng và xã, phường chưa được kiểm tra.'),
  ('ai-chi-lang', 'Ải Chi Lăng', 'Chi Lăng Pass', 'rankedRelic', NULL, 'Xã Chi Lăng', 1, 'Dữ liệu mẫu. Khu di tích lịch sử Chi Lăng; cấp xếp hạng chưa được kiểm tra.'),
  ('bao-tang-lang-son', 'Bảo tàng tỉnh Lạng Sơn', 'Lạng Sơn Provincial Museum', 'museum', NULL, NULL, 1, 'Dữ liệu mẫu.'),
  ('thu-vien-lang-son', 'Thư viện tỉnh Lạng Sơn', 'Lạng Sơn Provincial Library', 'library', NULL, NULL, 1, 'Dữ liệu mẫu.');
