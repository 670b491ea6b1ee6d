"""The reference data of CAS-1: courts and branches, application types, case categories.

Realistic, not exhaustive: the provincial centres' general, criminal, family and appeal
courts of Iran with the Court of Administrative Justice, and the court kinds of seed 002
§10.1 for Azerbaijan. Names are kept in the court's own language with an English (and, for
the taxonomy, Azerbaijani) form for the other interfaces. `load(models)` is idempotent and
takes the model classes, so a data migration can run it with its historical models.
"""

# (province fa, province en, city fa, city en, code)
IRAN_CENTRES = [
    ("تهران", "Tehran", "تهران", "Tehran", "THR"),
    ("اصفهان", "Isfahan", "اصفهان", "Isfahan", "ISF"),
    ("خراسان رضوی", "Razavi Khorasan", "مشهد", "Mashhad", "MHD"),
    ("فارس", "Fars", "شیراز", "Shiraz", "SYZ"),
    ("آذربایجان شرقی", "East Azerbaijan", "تبریز", "Tabriz", "TBZ"),
    ("خوزستان", "Khuzestan", "اهواز", "Ahvaz", "AWZ"),
    ("گیلان", "Gilan", "رشت", "Rasht", "RAS"),
    ("کرمان", "Kerman", "کرمان", "Kerman", "KER"),
]

# court type: (fa name pattern, en name pattern, number of branches)
IRAN_COURTS = {
    "general": ("دادگاه عمومی حقوقی {city}", "{city} general civil court", 3),
    "criminal": ("دادگاه کیفری دو {city}", "{city} criminal court 2", 2),
    "family": ("دادگاه خانواده {city}", "{city} family court", 2),
    "appeal": ("دادگاه تجدیدنظر استان {province}", "{province} province court of appeal", 2),
}

# The English names of the Azerbaijani cities below.
AZERBAIJAN_CITIES_EN = {"Bakı": "Baku", "Gəncə": "Ganja", "Sumqayıt": "Sumgait"}

# Azerbaijan (seed 002 §10.1): (code, name, English name, region, city, court type, branches)
AZERBAIJAN_COURTS = [
    (
        "AZ-BAK-NSM",
        "Bakı şəhəri Nəsimi rayon məhkəməsi",
        "Nasimi district court, Baku",
        "Bakı",
        "Bakı",
        "general_jurisdiction",
        2,
    ),
    (
        "AZ-BAK-YSM",
        "Bakı şəhəri Yasamal rayon məhkəməsi",
        "Yasamal district court, Baku",
        "Bakı",
        "Bakı",
        "general_jurisdiction",
        2,
    ),
    (
        "AZ-BAK-IIM",
        "Bakı İnzibati-İqtisadi Məhkəməsi",
        "Baku administrative-economic court",
        "Bakı",
        "Bakı",
        "admin_economic",
        2,
    ),
    (
        "AZ-GNJ-SHM",
        "Gəncə şəhər məhkəməsi",
        "Ganja city court",
        "Gəncə",
        "Gəncə",
        "general_jurisdiction",
        1,
    ),
    (
        "AZ-GNJ-IIM",
        "Gəncə İnzibati-İqtisadi Məhkəməsi",
        "Ganja administrative-economic court",
        "Gəncə",
        "Gəncə",
        "admin_economic",
        1,
    ),
    (
        "AZ-SMQ-SHM",
        "Sumqayıt şəhər məhkəməsi",
        "Sumgait city court",
        "Sumqayıt",
        "Sumqayıt",
        "general_jurisdiction",
        1,
    ),
    (
        "AZ-BAK-APL",
        "Bakı Apellyasiya Məhkəməsi",
        "Baku court of appeal",
        "Bakı",
        "Bakı",
        "appeal",
        2,
    ),
]

ALL_TYPES = [
    "general",
    "criminal",
    "family",
    "administrative",
    "appeal",
    "general_jurisdiction",
    "admin_economic",
]

# code: (fa, en, az, court types, starts a case)
APPLICATION_TYPES = [
    (
        "civil_claim",
        "دادخواست حقوقی",
        "Statement of claim",
        "İddia ərizəsi",
        ["general", "family", "general_jurisdiction"],
        True,
    ),
    (
        "small_claim",
        "دادخواست دعاوی کوچک",
        "Small claims statement",
        "Kiçik mübahisələr üzrə iddia ərizəsi",
        ["general_jurisdiction"],
        True,
    ),
    ("criminal_complaint", "شکوائیه", "Criminal complaint", "Cinayət şikayəti", ["criminal"], True),
    (
        "administrative_claim",
        "دادخواست اداری",
        "Administrative claim",
        "İnzibati mübahisələr üzrə iddia ərizəsi",
        ["administrative", "admin_economic"],
        True,
    ),
    (
        "economic_claim",
        "دادخواست اقتصادی",
        "Economic claim",
        "İqtisadi mübahisələr üzrə iddia ərizəsi",
        ["admin_economic"],
        True,
    ),
    (
        "small_economic_claim",
        "دادخواست دعاوی کوچک اقتصادی",
        "Small economic claim",
        "Kiçik iqtisadi mübahisələr üzrə iddia ərizəsi",
        ["admin_economic"],
        True,
    ),
    (
        "court_order",
        "درخواست صدور دستور دادگاه",
        "Application for a court order",
        "Məhkəmə əmri haqqında ərizə",
        ["general_jurisdiction", "admin_economic"],
        True,
    ),
    ("appeal", "دادخواست تجدیدنظر", "Appeal", "Apellyasiya şikayəti", ["appeal"], True),
    (
        "case_request",
        "لایحه یا درخواست در پرونده جاری",
        "Brief or request in an existing case",
        "Mövcud işə dair ərizə və ya sənəd",
        ALL_TYPES,
        False,
    ),
]

# (code, court type, fa, en, az, [(code, fa, en, az), …])
CATEGORIES = [
    (
        "gen-contract",
        "general",
        "دعاوی ناشی از قرارداد",
        "Contractual obligations",
        "Müqavilələrdən əmələ gələn öhdəliklər",
        [
            (
                "gen-contract-loan",
                "مطالبه وجه قرارداد وام",
                "Loan agreement disputes",
                "Kredit müqaviləsi üzrə mübahisələr",
            ),
            (
                "gen-contract-sale",
                "الزام به تنظیم سند رسمی بیع",
                "Sale contract disputes",
                "Alqı-satqı müqaviləsi üzrə mübahisələr",
            ),
            (
                "gen-contract-lease",
                "تخلیه و اجاره",
                "Lease disputes",
                "İcarə müqaviləsi üzrə mübahisələr",
            ),
        ],
    ),
    (
        "gen-property",
        "general",
        "دعاوی ملکی",
        "Property",
        "Əmlak mübahisələri",
        [
            (
                "gen-property-possession",
                "رفع تصرف عدوانی",
                "Unlawful possession",
                "Qanunsuz sahiblik",
            ),
            ("gen-property-partition", "تقسیم ترکه", "Partition of an estate", "Mirasın bölünməsi"),
        ],
    ),
    (
        "crim-property",
        "criminal",
        "جرائم علیه اموال",
        "Offences against property",
        "Mülkiyyət əleyhinə cinayətlər",
        [
            ("crim-property-fraud", "کلاهبرداری", "Fraud", "Dələduzluq"),
            ("crim-property-cheque", "صدور چک بلامحل", "Bounced cheque", "Karşılıqsız çek"),
        ],
    ),
    (
        "crim-person",
        "criminal",
        "جرائم علیه اشخاص",
        "Offences against persons",
        "Şəxsiyyət əleyhinə cinayətlər",
        [
            ("crim-person-assault", "ضرب و جرح", "Assault", "Bədən xəsarəti"),
            (
                "crim-person-defamation",
                "توهین و افترا",
                "Insult and defamation",
                "Təhqir və böhtan",
            ),
        ],
    ),
    (
        "fam-marriage",
        "family",
        "دعاوی زوجیت",
        "Marriage",
        "Nikah mübahisələri",
        [
            ("fam-marriage-divorce", "طلاق", "Divorce", "Boşanma"),
            ("fam-marriage-dowry", "مطالبه مهریه", "Dowry (mahr)", "Mehr tələbi"),
            ("fam-marriage-maintenance", "نفقه", "Maintenance", "Aliment"),
        ],
    ),
    (
        "fam-children",
        "family",
        "دعاوی مربوط به فرزندان",
        "Children",
        "Uşaqlarla bağlı",
        [
            ("fam-children-custody", "حضانت", "Custody", "Qəyyumluq"),
            ("fam-children-visits", "ملاقات فرزند", "Visiting rights", "Görüş hüququ"),
        ],
    ),
    (
        "adm-employment",
        "administrative",
        "امور استخدامی",
        "Public employment",
        "Dövlət qulluğu",
        [
            ("adm-employment-dismissal", "ابطال حکم انفصال", "Dismissal", "İşdən çıxarılma"),
        ],
    ),
    (
        "adm-decisions",
        "administrative",
        "ابطال تصمیمات اداری",
        "Administrative decisions",
        "İnzibati aktlar",
        [
            ("adm-decisions-tax", "مالیات", "Taxes", "Vergilər"),
            ("adm-decisions-permit", "پروانه و مجوز", "Permits and licences", "İcazələr"),
        ],
    ),
    (
        "apl-civil",
        "appeal",
        "تجدیدنظر حقوقی",
        "Civil appeal",
        "Mülki apellyasiya",
        [
            (
                "apl-civil-judgment",
                "تجدیدنظر از دادنامه حقوقی",
                "Appeal against a civil judgment",
                "Mülki qətnaməyə şikayət",
            ),
        ],
    ),
    (
        "apl-criminal",
        "appeal",
        "تجدیدنظر کیفری",
        "Criminal appeal",
        "Cinayət apellyasiyası",
        [
            (
                "apl-criminal-judgment",
                "تجدیدنظر از دادنامه کیفری",
                "Appeal against a criminal judgment",
                "Cinayət hökmünə şikayət",
            ),
        ],
    ),
    (
        "gj-contract",
        "general_jurisdiction",
        "دعاوی ناشی از قرارداد",
        "Contractual obligations",
        "Müqavilələrdən əmələ gələn öhdəliklər üzrə mübahisələr",
        [
            (
                "gj-contract-credit",
                "قرارداد اعتباری",
                "Credit agreement disputes",
                "Kredit müqaviləsi üzrə mübahisələr",
            ),
            (
                "gj-contract-sale",
                "قرارداد بیع",
                "Sale contract disputes",
                "Alqı-satqı müqaviləsi üzrə mübahisələr",
            ),
        ],
    ),
    (
        "gj-family",
        "general_jurisdiction",
        "دعاوی خانواده",
        "Family disputes",
        "Ailə mübahisələri",
        [
            ("gj-family-divorce", "طلاق", "Divorce", "Nikahın pozulması"),
            ("gj-family-alimony", "نفقه", "Alimony", "Aliment"),
        ],
    ),
    (
        "ae-economic",
        "admin_economic",
        "دعاوی اقتصادی",
        "Economic disputes",
        "İqtisadi mübahisələr",
        [
            ("ae-economic-supply", "قرارداد تأمین", "Supply contracts", "Tədarük müqavilələri"),
            ("ae-economic-bankruptcy", "ورشکستگی", "Insolvency", "Müflisləşmə"),
        ],
    ),
    (
        "ae-administrative",
        "admin_economic",
        "دعاوی اداری",
        "Administrative disputes",
        "İnzibati mübahisələr",
        [
            ("ae-administrative-tax", "مالیات", "Tax disputes", "Vergi mübahisələri"),
        ],
    ),
]


def iran_courts():
    """(code, fa name, en name, province, city, English city, court type, branches) of every
    Iranian court."""
    rows = []
    for prov_fa, prov_en, city_fa, city_en, short in IRAN_CENTRES:
        for court_type, (fa, en, branches) in IRAN_COURTS.items():
            rows.append(
                (
                    f"IR-{short}-{court_type[:3].upper()}",
                    fa.format(city=city_fa, province=prov_fa),
                    en.format(city=city_en, province=prov_en),
                    prov_fa,
                    city_fa,
                    city_en,
                    court_type,
                    branches,
                )
            )
    rows.append(
        (
            "IR-THR-ADM",
            "دیوان عدالت اداری",
            "Court of Administrative Justice",
            "تهران",
            "تهران",
            "Tehran",
            "administrative",
            3,
        )
    )
    return rows


def load(*, Court, CourtBranch, Branch, ApplicationType, Category) -> None:
    """Create or update the reference rows (idempotent)."""
    courts = [(*row, "IR") for row in iran_courts()] + [
        (code, name, en, region, city, AZERBAIJAN_CITIES_EN.get(city, ""), kind, n, "AZ")
        for code, name, en, region, city, kind, n in AZERBAIJAN_COURTS
    ]
    # A data migration passes historical models: the English city exists from 0003 on.
    has_city_en = any(field.name == "city_en" for field in Court._meta.get_fields())
    for code, name, name_en, province, city, city_en, court_type, branches, country in courts:
        defaults = {
            "name": name,
            "name_en": name_en,
            "country": country,
            "province": province,
            "city": city,
            "court_type": court_type,
        }
        if has_city_en:
            defaults["city_en"] = city_en
        court, _new = Court.objects.update_or_create(code=code, defaults=defaults)
        for number in range(1, branches + 1):
            label = f"شعبه {number} {name}" if country == "IR" else f"{name}, {number} saylı"
            branch, _new = Branch.objects.get_or_create(
                code=f"{code}-{number}",
                defaults={"name": label, "city": city, "kind": "court"},
            )
            CourtBranch.objects.get_or_create(
                branch=branch, defaults={"court": court, "number": number}
            )
    for position, (code, fa, en, az, types, starts) in enumerate(APPLICATION_TYPES):
        ApplicationType.objects.update_or_create(
            code=code,
            defaults={
                "name": fa,
                "name_en": en,
                "name_az": az,
                "court_types": types,
                "starts_case": starts,
                "position": position,
            },
        )
    for code, court_type, fa, en, az, children in CATEGORIES:
        parent, _new = Category.objects.update_or_create(
            code=code,
            defaults={"name": fa, "name_en": en, "name_az": az, "court_type": court_type},
        )
        for child_code, cfa, cen, caz in children:
            Category.objects.update_or_create(
                code=child_code,
                defaults={
                    "name": cfa,
                    "name_en": cen,
                    "name_az": caz,
                    "court_type": court_type,
                    "parent": parent,
                },
            )
