-- Joint exhibitions at home and abroad (issue 19, src/exhibitions/): the fair, the workshops that applied
-- and were selected, the pieces each brings (with a wholesale price and minimum quantity that only approved
-- buyers see), and the pieces' names and stories in Chinese and Japanese for the line sheet. Prices in
-- the visitors' currency use the operator's rates in currency_rates (pricing).
CREATE TABLE exhibitions (
  id PRIMARY_ID,
  slug TEXT NOT NULL UNIQUE,
  name_ko TEXT NOT NULL,
  name_en TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL,            -- ISO 3166 alpha-2: KR, HK, US, TH
  venue TEXT NOT NULL DEFAULT '',
  booth TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,          -- YYYY-MM-DD, local to the fair
  ends_on TEXT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'KRW', -- ISO 4217: the visitors' currency
  cost BIGINT NOT NULL DEFAULT 0,   -- won: booth, travel, shipping (for the results report)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE exhibition_workshops (
  exhibition_id BIGINT NOT NULL REFERENCES exhibitions(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  state TEXT NOT NULL,              -- applied | selected | declined
  note TEXT NOT NULL DEFAULT '',    -- the workshop's application
  created_at TEXT NOT NULL,
  decided_at TEXT,
  PRIMARY KEY (exhibition_id, workshop_id)
);

CREATE TABLE exhibition_pieces (
  exhibition_id BIGINT NOT NULL REFERENCES exhibitions(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  workshop_id BIGINT NOT NULL REFERENCES workshops(id),
  wholesale_price BIGINT NOT NULL DEFAULT 0,  -- won a piece; 0: on request
  min_quantity INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  PRIMARY KEY (exhibition_id, product_id)
);

CREATE TABLE product_translations (
  product_id BIGINT NOT NULL REFERENCES products(id),
  lang TEXT NOT NULL,               -- zh | ja
  title TEXT NOT NULL,
  story TEXT NOT NULL DEFAULT '',
  machine_draft INTEGER NOT NULL DEFAULT 0, -- 1: drafted by a machine, not yet read by the workshop
  updated_at TEXT NOT NULL,
  PRIMARY KEY (product_id, lang)
);

