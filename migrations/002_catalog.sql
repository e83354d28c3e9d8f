-- Catalog and pricing (issue 3). Money in won (BIGINT), weight in milligrams, purity per mille,
-- rates in basis points (1/100 of a percent), ring circumference in tenths of a millimetre.

ALTER TABLE workshops ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN story_ko TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN story_en TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN specialities TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN founded INTEGER NOT NULL DEFAULT 0;

CREATE TABLE collections (
  id PRIMARY_ID,
  slug TEXT NOT NULL UNIQUE,
  name_ko TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_ko TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  featured INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE products (
  id PRIMARY_ID,
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  slug TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft',          -- draft | in_review | published | archived
  category TEXT NOT NULL,
  title_ko TEXT NOT NULL,
  title_en TEXT NOT NULL,
  story_ko TEXT NOT NULL DEFAULT '',
  story_en TEXT NOT NULL DEFAULT '',
  care_ko TEXT NOT NULL DEFAULT '',
  care_en TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  metal TEXT NOT NULL,                           -- gold | silver | platinum
  purity INTEGER NOT NULL,                       -- per mille: 999, 750, 585, 925, 950
  colour TEXT NOT NULL DEFAULT 'yellow',         -- yellow | white | rose
  weight_mg BIGINT NOT NULL,
  plating_metal TEXT NOT NULL DEFAULT '',
  plating_process TEXT NOT NULL DEFAULT '',
  plating_microns_x100 INTEGER NOT NULL DEFAULT 0,
  pricing TEXT NOT NULL DEFAULT 'formula',       -- fixed | formula
  fixed_price BIGINT NOT NULL DEFAULT 0,
  labour_fee BIGINT NOT NULL DEFAULT 0,
  stone_cost BIGINT NOT NULL DEFAULT 0,
  loss_bp INTEGER NOT NULL DEFAULT 0,
  margin_bp INTEGER NOT NULL DEFAULT 0,
  price BIGINT NOT NULL DEFAULT 0,               -- the lowest variant price, kept current by repricing
  quote_id BIGINT,                               -- the metal quote the price was computed from
  made_to_order INTEGER NOT NULL DEFAULT 0,
  lead_days INTEGER NOT NULL DEFAULT 0,
  engraving_max_chars INTEGER NOT NULL DEFAULT 0,
  engraving_fee BIGINT NOT NULL DEFAULT 0,
  gift_wrap_fee BIGINT NOT NULL DEFAULT 0,
  eco_certified INTEGER NOT NULL DEFAULT 0,
  popularity INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX products_status ON products(status);
CREATE INDEX products_workshop ON products(workshop_id);

CREATE TABLE product_collections (
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  collection_id BIGINT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, collection_id)
);

CREATE TABLE product_stones (
  id PRIMARY_ID,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                            -- diamond, ruby, sapphire, emerald, pearl, ...
  origin TEXT NOT NULL,                          -- natural | lab_grown | simulant (always disclosed)
  count INTEGER NOT NULL DEFAULT 1,
  carat_x1000 INTEGER NOT NULL DEFAULT 0,        -- total carat weight in thousandths
  shape TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '',
  clarity TEXT NOT NULL DEFAULT '',
  cut TEXT NOT NULL DEFAULT '',
  lab TEXT NOT NULL DEFAULT '',
  report_no TEXT NOT NULL DEFAULT ''
);
CREATE INDEX product_stones_product ON product_stones(product_id);

CREATE TABLE variants (
  id PRIMARY_ID,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  sku TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  ring_circ_x10 INTEGER NOT NULL DEFAULT 0,      -- ring inner circumference, tenths of a mm
  length_mm INTEGER NOT NULL DEFAULT 0,          -- chains and bracelets
  colour TEXT NOT NULL DEFAULT '',
  weight_mg BIGINT NOT NULL DEFAULT 0,           -- 0: the product's weight
  stock INTEGER NOT NULL DEFAULT 0,
  price BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX variants_product ON variants(product_id);

CREATE TABLE product_images (
  id PRIMARY_ID,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,                            -- generated SVG for demo data (photos: issue 4)
  alt_ko TEXT NOT NULL DEFAULT '',
  alt_en TEXT NOT NULL DEFAULT ''
);
CREATE INDEX product_images_product ON product_images(product_id);

-- Daily quotes in won per gram of pure metal; history is kept, the newest day applies.
CREATE TABLE metal_quotes (
  id PRIMARY_ID,
  metal TEXT NOT NULL,
  day TEXT NOT NULL,                             -- YYYY-MM-DD (Asia/Seoul)
  won_per_gram BIGINT NOT NULL,
  source TEXT NOT NULL DEFAULT 'operator',
  created_by BIGINT,
  created_at TEXT NOT NULL,
  UNIQUE (metal, day)
);

-- Display currencies: won per unit, times 1000 (1 USD = 1,380.500 KRW -> 1380500).
CREATE TABLE currency_rates (
  code TEXT PRIMARY KEY,
  krw_per_unit_x1000 BIGINT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per product: the text search looks at (titles, story, materials, workshop, category).
CREATE TABLE product_search (
  product_id BIGINT PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
  body TEXT NOT NULL
);
