import { Migration } from '@mikro-orm/migrations';

export class Migration20261121010722_identity_and_access extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "token" text not null, "redacted" text not null, "title" text not null, "type" text check ("type" in ('publishable', 'secret')) not null, "last_used_at" timestamptz null, "created_by" text not null default '', "revoked_by" text null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`create index "api_key_deleted_at_index" on "api_key" ("deleted_at");`);
    this.addSql(`create index "api_key_token_index" on "api_key" ("token");`);
    this.addSql(`create index "api_key_type_revoked_at_index" on "api_key" ("type", "revoked_at");`);

    this.addSql(`create table "auth_identity" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "app_metadata" jsonb null, constraint "auth_identity_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_identity_deleted_at_index" on "auth_identity" ("deleted_at");`);

    this.addSql(`create table "auth_session" ("id" text not null, "auth_context" jsonb not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), constraint "auth_session_pkey" primary key ("id"));`);
    this.addSql(`create index "auth_session_expires_at_index" on "auth_session" ("expires_at");`);

    this.addSql(`create table "currency" ("code" text not null, "symbol" text not null, "symbol_native" text not null, "decimal_digits" int not null, "rounding" numeric(10,4) not null default 0, "name" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "currency_pkey" primary key ("code"));`);

    this.addSql(`create table "invite" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" text not null, "accepted" boolean not null default false, "token" text not null, "expires_at" timestamptz not null, "metadata" jsonb null, constraint "invite_pkey" primary key ("id"));`);
    this.addSql(`create index "invite_deleted_at_index" on "invite" ("deleted_at");`);
    this.addSql(`create index "invite_token_index" on "invite" ("token");`);
    this.addSql(`create unique index "invite_email_unique" on "invite" ("email") where "deleted_at" is null;`);

    this.addSql(`create table "provider_identity" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "entity_id" text not null, "provider" text not null, "auth_identity_id" text not null, "user_metadata" jsonb null, "provider_metadata" jsonb null, constraint "provider_identity_pkey" primary key ("id"));`);
    this.addSql(`create index "provider_identity_deleted_at_index" on "provider_identity" ("deleted_at");`);
    this.addSql(`create index "provider_identity_auth_identity_id_index" on "provider_identity" ("auth_identity_id");`);
    this.addSql(`create unique index "provider_identity_entity_provider_unique" on "provider_identity" ("entity_id", "provider") where "deleted_at" is null;`);

    this.addSql(`create table "publishable_api_key_sales_channel" ("publishable_key_id" text not null, "sales_channel_id" text not null, "created_at" timestamptz not null default now(), constraint "publishable_api_key_sales_channel_pkey" primary key ("publishable_key_id", "sales_channel_id"));`);
    this.addSql(`create index "publishable_api_key_sales_channel_sales_channel_id_index" on "publishable_api_key_sales_channel" ("sales_channel_id");`);

    this.addSql(`create table "sales_channel" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "name" text not null, "description" text null, "is_disabled" boolean not null default false, "metadata" jsonb null, constraint "sales_channel_pkey" primary key ("id"));`);
    this.addSql(`create index "sales_channel_deleted_at_index" on "sales_channel" ("deleted_at");`);
    this.addSql(`create index "sales_channel_name_index" on "sales_channel" ("name");`);

    this.addSql(`create table "user" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, "email" text not null, "first_name" text null, "last_name" text null, "avatar_url" text null, "metadata" jsonb null, constraint "user_pkey" primary key ("id"));`);
    this.addSql(`create index "user_deleted_at_index" on "user" ("deleted_at");`);
    this.addSql(`create unique index "user_email_unique" on "user" ("email") where "deleted_at" is null;`);

    // ISO 4217, generated once from Node's ICU data (code, symbol, native symbol, minor units, name)
    // and committed as data, so every database gets the same list whatever Node it runs on.
    this.addSql(`insert into "currency" ("code", "symbol", "symbol_native", "decimal_digits", "rounding", "name") values
      ('aed', 'AED', 'AED', 2, 0, 'United Arab Emirates Dirham'),
      ('afn', 'AFN', '؋', 0, 0, 'Afghan Afghani'),
      ('all', 'ALL', 'ALL', 0, 0, 'Albanian Lek'),
      ('amd', 'AMD', '֏', 2, 0, 'Armenian Dram'),
      ('ang', 'ANG', 'ANG', 2, 0, 'Netherlands Antillean Guilder'),
      ('aoa', 'AOA', 'Kz', 2, 0, 'Angolan Kwanza'),
      ('ars', 'ARS', '$', 2, 0, 'Argentine Peso'),
      ('aud', 'A$', '$', 2, 0, 'Australian Dollar'),
      ('awg', 'AWG', 'AWG', 2, 0, 'Aruban Florin'),
      ('azn', 'AZN', '₼', 2, 0, 'Azerbaijani Manat'),
      ('bam', 'BAM', 'KM', 2, 0, 'Bosnia-Herzegovina Convertible Mark'),
      ('bbd', 'BBD', '$', 2, 0, 'Barbadian Dollar'),
      ('bdt', 'BDT', '৳', 2, 0, 'Bangladeshi Taka'),
      ('bgn', 'BGN', 'BGN', 2, 0, 'Bulgarian Lev'),
      ('bhd', 'BHD', 'BHD', 3, 0, 'Bahraini Dinar'),
      ('bif', 'BIF', 'BIF', 0, 0, 'Burundian Franc'),
      ('bmd', 'BMD', '$', 2, 0, 'Bermudan Dollar'),
      ('bnd', 'BND', '$', 2, 0, 'Brunei Dollar'),
      ('bob', 'BOB', 'Bs', 2, 0, 'Bolivian Boliviano'),
      ('brl', 'R$', 'R$', 2, 0, 'Brazilian Real'),
      ('bsd', 'BSD', '$', 2, 0, 'Bahamian Dollar'),
      ('btn', 'BTN', 'BTN', 2, 0, 'Bhutanese Ngultrum'),
      ('bwp', 'BWP', 'P', 2, 0, 'Botswanan Pula'),
      ('byn', 'BYN', 'BYN', 2, 0, 'Belarusian Ruble'),
      ('bzd', 'BZD', '$', 2, 0, 'Belize Dollar'),
      ('cad', 'CA$', '$', 2, 0, 'Canadian Dollar'),
      ('cdf', 'CDF', 'CDF', 2, 0, 'Congolese Franc'),
      ('chf', 'CHF', 'CHF', 2, 0, 'Swiss Franc'),
      ('clp', 'CLP', '$', 0, 0, 'Chilean Peso'),
      ('cny', 'CN¥', '¥', 2, 0, 'Chinese Yuan'),
      ('cop', 'COP', '$', 0, 0, 'Colombian Peso'),
      ('crc', 'CRC', '₡', 2, 0, 'Costa Rican Colón'),
      ('cuc', 'CUC', '$', 2, 0, 'Cuban Convertible Peso'),
      ('cup', 'CUP', '$', 2, 0, 'Cuban Peso'),
      ('cve', 'CVE', 'CVE', 2, 0, 'Cape Verdean Escudo'),
      ('czk', 'CZK', 'Kč', 2, 0, 'Czech Koruna'),
      ('djf', 'DJF', 'DJF', 0, 0, 'Djiboutian Franc'),
      ('dkk', 'DKK', 'kr', 2, 0, 'Danish Krone'),
      ('dop', 'DOP', '$', 2, 0, 'Dominican Peso'),
      ('dzd', 'DZD', 'DZD', 2, 0, 'Algerian Dinar'),
      ('egp', 'EGP', 'E£', 2, 0, 'Egyptian Pound'),
      ('ern', 'ERN', 'ERN', 2, 0, 'Eritrean Nakfa'),
      ('etb', 'ETB', 'ETB', 2, 0, 'Ethiopian Birr'),
      ('eur', '€', '€', 2, 0, 'Euro'),
      ('fjd', 'FJD', '$', 2, 0, 'Fijian Dollar'),
      ('fkp', 'FKP', '£', 2, 0, 'Falkland Islands Pound'),
      ('gbp', '£', '£', 2, 0, 'British Pound'),
      ('gel', 'GEL', '₾', 2, 0, 'Georgian Lari'),
      ('ghs', 'GHS', 'GH₵', 2, 0, 'Ghanaian Cedi'),
      ('gip', 'GIP', '£', 2, 0, 'Gibraltar Pound'),
      ('gmd', 'GMD', 'GMD', 2, 0, 'Gambian Dalasi'),
      ('gnf', 'GNF', 'FG', 0, 0, 'Guinean Franc'),
      ('gtq', 'GTQ', 'Q', 2, 0, 'Guatemalan Quetzal'),
      ('gyd', 'GYD', '$', 2, 0, 'Guyanaese Dollar'),
      ('hkd', 'HK$', '$', 2, 0, 'Hong Kong Dollar'),
      ('hnl', 'HNL', 'L', 2, 0, 'Honduran Lempira'),
      ('hrk', 'HRK', 'kn', 2, 0, 'Croatian Kuna'),
      ('htg', 'HTG', 'HTG', 2, 0, 'Haitian Gourde'),
      ('huf', 'HUF', 'Ft', 0, 0, 'Hungarian Forint'),
      ('idr', 'IDR', 'Rp', 0, 0, 'Indonesian Rupiah'),
      ('ils', '₪', '₪', 2, 0, 'Israeli New Shekel'),
      ('inr', '₹', '₹', 2, 0, 'Indian Rupee'),
      ('iqd', 'IQD', 'IQD', 0, 0, 'Iraqi Dinar'),
      ('irr', 'IRR', 'IRR', 0, 0, 'Iranian Rial'),
      ('isk', 'ISK', 'kr', 0, 0, 'Icelandic Króna'),
      ('jmd', 'JMD', '$', 2, 0, 'Jamaican Dollar'),
      ('jod', 'JOD', 'JOD', 3, 0, 'Jordanian Dinar'),
      ('jpy', '¥', '¥', 0, 0, 'Japanese Yen'),
      ('kes', 'KES', 'KES', 2, 0, 'Kenyan Shilling'),
      ('kgs', 'KGS', '⃀', 2, 0, 'Kyrgyz Som'),
      ('khr', 'KHR', '៛', 2, 0, 'Cambodian Riel'),
      ('kmf', 'KMF', 'CF', 0, 0, 'Comorian Franc'),
      ('kpw', 'KPW', '₩', 0, 0, 'North Korean Won'),
      ('krw', '₩', '₩', 0, 0, 'South Korean Won'),
      ('kwd', 'KWD', 'KWD', 3, 0, 'Kuwaiti Dinar'),
      ('kyd', 'KYD', '$', 2, 0, 'Cayman Islands Dollar'),
      ('kzt', 'KZT', '₸', 2, 0, 'Kazakhstani Tenge'),
      ('lak', 'LAK', '₭', 0, 0, 'Laotian Kip'),
      ('lbp', 'LBP', 'L£', 0, 0, 'Lebanese Pound'),
      ('lkr', 'LKR', 'Rs', 2, 0, 'Sri Lankan Rupee'),
      ('lrd', 'LRD', '$', 2, 0, 'Liberian Dollar'),
      ('lsl', 'LSL', 'LSL', 2, 0, 'Lesotho Loti'),
      ('lyd', 'LYD', 'LYD', 3, 0, 'Libyan Dinar'),
      ('mad', 'MAD', 'MAD', 2, 0, 'Moroccan Dirham'),
      ('mdl', 'MDL', 'MDL', 2, 0, 'Moldovan Leu'),
      ('mga', 'MGA', 'Ar', 0, 0, 'Malagasy Ariary'),
      ('mkd', 'MKD', 'MKD', 2, 0, 'Macedonian Denar'),
      ('mmk', 'MMK', 'K', 0, 0, 'Myanmar Kyat'),
      ('mnt', 'MNT', '₮', 2, 0, 'Mongolian Tugrik'),
      ('mop', 'MOP', 'MOP', 2, 0, 'Macanese Pataca'),
      ('mru', 'MRU', 'MRU', 2, 0, 'Mauritanian Ouguiya'),
      ('mur', 'MUR', 'Rs', 2, 0, 'Mauritian Rupee'),
      ('mvr', 'MVR', 'MVR', 2, 0, 'Maldivian Rufiyaa'),
      ('mwk', 'MWK', 'MWK', 2, 0, 'Malawian Kwacha'),
      ('mxn', 'MX$', '$', 2, 0, 'Mexican Peso'),
      ('myr', 'MYR', 'RM', 2, 0, 'Malaysian Ringgit'),
      ('mzn', 'MZN', 'MZN', 2, 0, 'Mozambican Metical'),
      ('nad', 'NAD', '$', 2, 0, 'Namibian Dollar'),
      ('ngn', 'NGN', '₦', 2, 0, 'Nigerian Naira'),
      ('nio', 'NIO', 'C$', 2, 0, 'Nicaraguan Córdoba'),
      ('nok', 'NOK', 'kr', 2, 0, 'Norwegian Krone'),
      ('npr', 'NPR', 'Rs', 2, 0, 'Nepalese Rupee'),
      ('nzd', 'NZ$', '$', 2, 0, 'New Zealand Dollar'),
      ('omr', 'OMR', 'OMR', 3, 0, 'Omani Rial'),
      ('pab', 'PAB', 'PAB', 2, 0, 'Panamanian Balboa'),
      ('pen', 'PEN', 'PEN', 2, 0, 'Peruvian Sol'),
      ('pgk', 'PGK', 'PGK', 2, 0, 'Papua New Guinean Kina'),
      ('php', '₱', '₱', 2, 0, 'Philippine Peso'),
      ('pkr', 'PKR', 'Rs', 0, 0, 'Pakistani Rupee'),
      ('pln', 'PLN', 'zł', 2, 0, 'Polish Zloty'),
      ('pyg', 'PYG', '₲', 0, 0, 'Paraguayan Guarani'),
      ('qar', 'QAR', 'QAR', 2, 0, 'Qatari Riyal'),
      ('ron', 'RON', 'lei', 2, 0, 'Romanian Leu'),
      ('rsd', 'RSD', 'RSD', 2, 0, 'Serbian Dinar'),
      ('rub', 'RUB', '₽', 2, 0, 'Russian Ruble'),
      ('rwf', 'RWF', 'RF', 0, 0, 'Rwandan Franc'),
      ('sar', 'SAR', 'SAR', 2, 0, 'Saudi Riyal'),
      ('sbd', 'SBD', '$', 2, 0, 'Solomon Islands Dollar'),
      ('scr', 'SCR', 'SCR', 2, 0, 'Seychellois Rupee'),
      ('sdg', 'SDG', 'SDG', 2, 0, 'Sudanese Pound'),
      ('sek', 'SEK', 'kr', 2, 0, 'Swedish Krona'),
      ('sgd', 'SGD', '$', 2, 0, 'Singapore Dollar'),
      ('shp', 'SHP', '£', 2, 0, 'St. Helena Pound'),
      ('sle', 'SLE', 'SLE', 2, 0, 'Sierra Leonean Leone'),
      ('sll', 'SLL', 'SLL', 0, 0, 'Sierra Leonean Leone (1964—2022)'),
      ('sos', 'SOS', 'SOS', 0, 0, 'Somali Shilling'),
      ('srd', 'SRD', '$', 2, 0, 'Surinamese Dollar'),
      ('ssp', 'SSP', '£', 2, 0, 'South Sudanese Pound'),
      ('stn', 'STN', 'Db', 2, 0, 'São Tomé & Príncipe Dobra'),
      ('svc', 'SVC', 'SVC', 2, 0, 'Salvadoran Colón'),
      ('syp', 'SYP', '£', 0, 0, 'Syrian Pound'),
      ('szl', 'SZL', 'SZL', 2, 0, 'Swazi Lilangeni'),
      ('thb', 'THB', '฿', 2, 0, 'Thai Baht'),
      ('tjs', 'TJS', 'TJS', 2, 0, 'Tajikistani Somoni'),
      ('tmt', 'TMT', 'TMT', 2, 0, 'Turkmenistani Manat'),
      ('tnd', 'TND', 'TND', 3, 0, 'Tunisian Dinar'),
      ('top', 'TOP', 'T$', 2, 0, 'Tongan Paʻanga'),
      ('try', 'TRY', '₺', 2, 0, 'Turkish Lira'),
      ('ttd', 'TTD', '$', 2, 0, 'Trinidad & Tobago Dollar'),
      ('twd', 'NT$', '$', 2, 0, 'New Taiwan Dollar'),
      ('tzs', 'TZS', 'TZS', 2, 0, 'Tanzanian Shilling'),
      ('uah', 'UAH', '₴', 2, 0, 'Ukrainian Hryvnia'),
      ('ugx', 'UGX', 'UGX', 0, 0, 'Ugandan Shilling'),
      ('usd', '$', '$', 2, 0, 'US Dollar'),
      ('uyu', 'UYU', '$', 2, 0, 'Uruguayan Peso'),
      ('uzs', 'UZS', 'UZS', 2, 0, 'Uzbekistani Som'),
      ('ves', 'VES', 'VES', 2, 0, 'Venezuelan Bolívar'),
      ('vnd', '₫', '₫', 0, 0, 'Vietnamese Dong'),
      ('vuv', 'VUV', 'VUV', 0, 0, 'Vanuatu Vatu'),
      ('wst', 'WST', 'WST', 2, 0, 'Samoan Tala'),
      ('xaf', 'FCFA', 'FCFA', 0, 0, 'Central African CFA Franc'),
      ('xcd', 'EC$', '$', 2, 0, 'East Caribbean Dollar'),
      ('xcg', 'Cg.', 'Cg.', 2, 0, 'Caribbean guilder'),
      ('xdr', 'XDR', 'XDR', 2, 0, 'Special Drawing Rights'),
      ('xof', 'F CFA', 'F CFA', 0, 0, 'West African CFA Franc'),
      ('xpf', 'CFPF', 'CFPF', 0, 0, 'CFP Franc'),
      ('xsu', 'XSU', 'XSU', 2, 0, 'Sucre'),
      ('yer', 'YER', 'YER', 0, 0, 'Yemeni Rial'),
      ('zar', 'ZAR', 'R', 2, 0, 'South African Rand'),
      ('zmw', 'ZMW', 'ZK', 2, 0, 'Zambian Kwacha'),
      ('zwg', 'ZWG', 'ZWG', 2, 0, 'Zimbabwean Gold'),
      ('zwl', 'ZWL', 'ZWL', 2, 0, 'Zimbabwean Dollar (2009–2024)');`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "currency";`);
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "auth_identity" cascade;`);

    this.addSql(`drop table if exists "auth_session" cascade;`);

    this.addSql(`drop table if exists "currency" cascade;`);

    this.addSql(`drop table if exists "invite" cascade;`);

    this.addSql(`drop table if exists "provider_identity" cascade;`);

    this.addSql(`drop table if exists "publishable_api_key_sales_channel" cascade;`);

    this.addSql(`drop table if exists "sales_channel" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);
  }

}
