-- A workshop's location and specialities in English beside the Korean ones, for the English storefront
-- (its name and story had both already). Empty: English pages show the Korean.
ALTER TABLE workshops ADD COLUMN location_en TEXT NOT NULL DEFAULT '';
ALTER TABLE workshops ADD COLUMN specialities_en TEXT NOT NULL DEFAULT '';
