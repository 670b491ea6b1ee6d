"""The public site's starting pages: the Persian home page (the default Site's root), the
guide index and the guides (appointment booking, seed 001; filing a defence brief, seed 000;
the electronic notice system, seed 003; their texts are in ``cms_pages.guides``), the
regulation (seed 004, CMS-2), the office directory (CMS-3) and the published reprimands
(CMS-4), each with its English translation. When Azerbaijani is one of the site's languages,
an Azerbaijani home page and guide index hold the e-court personal cabinet guide (seed 002).

``seed_pages()`` is idempotent: a page that already exists (found by type, locale and place
in the tree) is left as it is, so running it again creates no page and no revision, and
never overwrites an editor's changes. ``manage.py seed_demo`` calls it.
"""

import datetime
from dataclasses import dataclass
from html import escape
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms_pages import guides
from cms_pages.models import (
    GuideIndexPage,
    GuidePage,
    HomePage,
    OfficeDirectoryPage,
    RegulationPage,
    ReprimandIndexPage,
)
from cms_pages.regulation import parse_regulation

BOOKING_GUIDE_SLUG = "book-an-appointment"
GUIDE_INDEX_SLUG = "guides"
HOME_SLUG = "daftar"
REGULATION_SLUG = "regulation"
OFFICES_SLUG = "offices"
REPRIMANDS_SLUG = "reprimands"
REGULATION_SEED = Path(__file__).parent / "seed_data" / "regulation_004.txt"
LAST_REVIEWED = datetime.date(2026, 11, 23)


@dataclass
class SeededPages:
    home: HomePage
    guide_index: GuideIndexPage
    booking_guide: GuidePage
    home_en: HomePage
    guide_index_en: GuideIndexPage
    booking_guide_en: GuidePage
    regulation: RegulationPage
    regulation_en: RegulationPage
    office_directory: OfficeDirectoryPage
    office_directory_en: OfficeDirectoryPage
    reprimands: ReprimandIndexPage
    reprimands_en: ReprimandIndexPage
    defence_guide: GuidePage
    defence_guide_en: GuidePage
    notices_guide: GuidePage
    notices_guide_en: GuidePage
    # Only when Azerbaijani is one of settings.LANGUAGES.
    home_az: HomePage | None = None
    guide_index_az: GuideIndexPage | None = None
    cabinet_guide_az: GuidePage | None = None


# --- Content ---------------------------------------------------------------------------------
# The Persian guide follows seed 001 (how the public books an appointment at an office); the
# English text is a translation of it.

HOME_FA = {
    "title": "دفتر؛ سامانه دفاتر خدمات الکترونیک قضایی",
    "intro": (
        "<p>دفاتر خدمات الکترونیک قضایی، دفاتری خصوصی با مجوز مرکز آمار و فناوری اطلاعات "
        "قوه قضاییه هستند که از طریق آن‌ها می‌توانید بدون مراجعه به دادگاه یا دادسرا، "
        "دادخواست، شکواییه و لایحه ثبت کنید و اوراق قضایی را دریافت کنید.</p>"
        "<p>در این سامانه راهنمای گام‌به‌گام خدمات، فهرست دفاتر، نوبت‌دهی و پیگیری "
        "درخواست‌ها در دسترس است.</p>"
    ),
}
HOME_EN = {
    "title": "Daftar: judicial e-services offices",
    "intro": (
        "<p>Judicial e-services offices are private offices licensed by the judiciary's IT "
        "centre. Through them you can file a lawsuit, a complaint or a brief, and receive court "
        "papers, without going to a court or a prosecutor's office.</p>"
        "<p>Here you will find step-by-step guides to their services, the office directory, "
        "appointments and the follow-up of your requests.</p>"
    ),
}

GUIDE_INDEX_FA = {
    "title": "راهنماها",
    "intro": (
        "<p>راهنمای گام‌به‌گام استفاده از خدمات دفاتر خدمات الکترونیک قضایی: "
        "نوبت گرفتن، ثبت دادخواست و لایحه، و ابلاغ الکترونیک.</p>"
    ),
}
GUIDE_INDEX_EN = {
    "title": "Guides",
    "intro": (
        "<p>Step-by-step guides to the services of the judicial e-services offices: booking an "
        "appointment, filing a petition or a brief, and electronic notices.</p>"
    ),
}


_step = guides.step


BOOKING_FA = {
    "title": "چگونه از دفاتر خدمات الکترونیک قضایی نوبت بگیریم",
    "seo_title": "نوبت گرفتن از دفاتر خدمات الکترونیک قضایی",
    "search_description": (
        "راهنمای گام‌به‌گام دریافت نوبت اینترنتی از دفاتر خدمات الکترونیک قضایی: ثبت‌نام، "
        "جستجوی دفتر، انتخاب روز و ساعت و مراجعه با رسید و کارت ملی."
    ),
    "summary": (
        "پیش از مراجعهٔ حضوری به هر دفتر خدمات الکترونیک قضایی، باید از «سامانه نوبت‌دهی "
        "اینترنتی دفاتر خدمات الکترونیک قضایی» نوبت بگیرید. در این راهنما می‌خوانید چگونه "
        "ثبت‌نام کنید، دفتر مورد نظر را پیدا کنید، روز و ساعت مراجعه را انتخاب کنید و با "
        "رسید نوبت و کارت ملی به دفتر بروید."
    ),
    "steps": [
        (
            "note",
            {
                "text": (
                    "<p>برای استفاده از خدمات الکترونیک قضایی به کد «ثنا» (ثبت‌نام الکترونیک "
                    "قضایی) نیاز دارید. اگر هنوز آن را دریافت نکرده‌اید، پیش از مراجعه به "
                    "دفتر برای دریافت آن اقدام کنید.</p>"
                )
            },
        ),
        _step(
            "در سامانه نوبت‌دهی ثبت‌نام کنید",
            (
                "<p>وارد «سامانه نوبت‌دهی اینترنتی دفاتر خدمات الکترونیک قضایی» شوید و از نوار "
                "بالای صفحه روی <b>«ثبت نام کاربران»</b> کلیک کنید.</p>"
                "<p>در پنجره‌ای که باز می‌شود شماره تلفن همراه خود را وارد کنید و ملیت خود را "
                "انتخاب کنید. سپس کد امنیتی نمایش داده‌شده را بنویسید و روی <b>«عضویت»</b> "
                "کلیک کنید.</p>"
            ),
            notes=["شماره همراهی که وارد می‌کنید، نام کاربری شما در سامانه خواهد بود."],
        ),
        _step(
            "اطلاعات شخصی را وارد کنید و رمز عبور بگذارید",
            (
                "<p>در پنجرهٔ بعد نام، نام خانوادگی و کد ملی خود را وارد کنید و رمز عبوری "
                "برای ورودهای بعدی به سامانه تعیین کنید.</p>"
            ),
            notes=["رمز عبور را به خاطر بسپارید؛ در مراجعات بعدی به سامانه به آن نیاز دارید."],
        ),
        _step(
            "شماره همراه خود را تأیید کنید",
            (
                "<p>برای تأیید شماره همراه، کد تأییدی برایتان پیامک می‌شود. آن را وارد کنید و "
                "گزینهٔ <b>«تأیید و تکمیل ثبت نام»</b> را انتخاب کنید.</p>"
                "<p>اگر اطلاعات درست باشد، پیام «تبریک، حساب کاربری شما ایجاد شد» نمایش داده "
                "می‌شود و وارد سامانه می‌شوید.</p>"
            ),
            notes=[
                "پیامکی حاوی نام کاربری (همان شماره همراه) و رمز عبورتان برایتان ارسال "
                "می‌شود. آن را نگه دارید و در اختیار دیگران نگذارید."
            ],
        ),
        _step(
            "دفتر مورد نظر را جستجو کنید",
            (
                "<p>به صفحهٔ اول سامانه برگردید. در نوار جستجوی میانهٔ صفحه، استان، شهرستان و "
                "موضوع خدمت مورد نظر (مانند تنظیم دادخواست یا شکواییه، اظهارنامه یا پیگیری) "
                "را انتخاب کنید. اگر دفتر را می‌شناسید، می‌توانید نام مدیر دفتر یا کد دفتر را "
                "هم وارد کنید. سپس روی <b>«جستجو»</b> کلیک کنید.</p>"
            ),
            notes=[
                "اگر کد دفتر یا نام مسئول دفتر را وارد نکنید، فهرست دفاتر شهر و خدمت "
                "انتخاب‌شده نمایش داده می‌شود. دفتری را که به شما نزدیک‌تر است با کلیک روی "
                "«دریافت نوبت» انتخاب کنید."
            ],
        ),
        _step(
            "روز و ساعت مراجعه را انتخاب کنید",
            (
                "<p>روزهایی که نوبت خالی دارند با دایرهٔ سبز مشخص شده‌اند. با انتخاب یک روز، "
                "کادری زیر آن باز می‌شود که ساعت‌های آزاد آن روز را نشان می‌دهد؛ ساعت مراجعهٔ "
                "خود را از میان آن‌ها انتخاب کنید.</p>"
            ),
            notes=["نشانی و شماره تلفن دفتر و موقعیت آن روی نقشه در همین صفحه آمده است."],
        ),
        _step(
            "پیامک تأیید نوبت را دریافت کنید",
            (
                "<p>اگر همهٔ مراحل درست انجام شده باشد، پیامکی حاوی روز و ساعت نوبت و مشخصات "
                "دفتر به شماره همراهی که هنگام ثبت‌نام وارد کرده‌اید ارسال می‌شود.</p>"
            ),
        ),
        _step(
            "نوبت‌های خود را در «نوبت‌های من» ببینید",
            (
                "<p>در بخش <b>«نوبت‌های من»</b> همهٔ نوبت‌هایی را که در دفاتر رزرو کرده‌اید "
                "می‌بینید. از همین‌جا می‌توانید رسید نوبت را چاپ کنید یا نوبت را حذف کنید.</p>"
            ),
            notes=["اگر نمی‌توانید در زمان تعیین‌شده به دفتر بروید، پیش از آن نوبت را حذف کنید."],
        ),
        (
            "warning",
            {
                "text": (
                    "<p>اگر در زمان تعیین‌شده به دفتر مراجعه نکنید، نوبت شما لغو می‌شود و در "
                    "پایان همان روز کاری پیامکی برایتان ارسال می‌شود که تا <b>یک هفته</b> "
                    "امکان دریافت نوبت الکترونیکی از دفاتر خدمات الکترونیک قضایی را نخواهید "
                    "داشت.</p>"
                )
            },
        ),
        _step(
            "با رسید نوبت و کارت ملی به دفتر بروید",
            (
                "<p>در روز و ساعت نوبت به دفتر بروید و تصویر یا نسخهٔ چاپی رسید نوبت را همراه "
                "داشته باشید.</p>"
            ),
            warnings=["ارائهٔ کارت ملی همراه با رسید نوبت به دفتر الزامی است."],
        ),
    ],
}

BOOKING_EN = {
    "title": "How to book an appointment at a judicial e-services office",
    "seo_title": "Booking an appointment at a judicial e-services office",
    "search_description": (
        "Step by step: register, find an office, pick a day and time, and go to the office with "
        "your booking receipt and national ID card."
    ),
    "summary": (
        "Before you visit any judicial e-services office in person, you must book an "
        "appointment through the offices' online booking system. This guide shows how to "
        "register, find the office you need, choose a day and time, and go to the office with "
        "your booking receipt and national ID card."
    ),
    "steps": [
        (
            "note",
            {
                "text": (
                    "<p>To use the judicial e-services you need a Sana code (the judiciary's "
                    "electronic registration). If you do not have one yet, get it before you go "
                    "to an office.</p>"
                )
            },
        ),
        _step(
            "Register in the booking system",
            (
                "<p>Open the online booking system of the judicial e-services offices and click "
                "<b>Register</b> in the bar at the top of the page.</p>"
                "<p>In the window that opens, enter your mobile number and choose your "
                "nationality. Type the security code shown and click <b>Join</b>.</p>"
            ),
            notes=["The mobile number you enter becomes your user name in the system."],
        ),
        _step(
            "Enter your personal details and choose a password",
            (
                "<p>In the next window, enter your first name, last name and national ID "
                "number, and choose a password for signing in next time.</p>"
            ),
            notes=["Remember the password: you will need it every time you come back."],
        ),
        _step(
            "Confirm your mobile number",
            (
                "<p>A confirmation code is sent to your mobile by SMS. Enter it and choose "
                "<b>Confirm and complete registration</b>.</p>"
                "<p>If your details are correct, the message “Congratulations, your account has "
                "been created” appears and you are signed in.</p>"
            ),
            notes=[
                "You also receive an SMS with your user name (your mobile number) and your "
                "password. Keep it, and do not share it."
            ],
        ),
        _step(
            "Search for an office",
            (
                "<p>Go back to the home page of the system. In the search bar in the middle of "
                "the page, choose the province, the city and the service you need (for example "
                "drafting a petition or a complaint, a declaration, or a follow-up). If you know "
                "the office, you can also enter its manager's name or its office code. Then "
                "click <b>Search</b>.</p>"
            ),
            notes=[
                "If you do not enter an office code or a manager's name, you get the list of "
                "offices for the chosen city and service. Pick the one nearest to you by "
                "clicking <b>Book</b> beside it."
            ],
        ),
        _step(
            "Choose a day and a time",
            (
                "<p>Days with free appointments are marked with a green circle. Choose a day "
                "and a box opens below it with that day's free times; choose the time of your "
                "visit.</p>"
            ),
            notes=[
                "The office's address, phone number and location on a map are on the same page."
            ],
        ),
        _step(
            "Receive the confirmation SMS",
            (
                "<p>When every step is done, an SMS with the day and time of your appointment "
                "and the office's details is sent to the mobile number you registered.</p>"
            ),
        ),
        _step(
            "See your bookings in “My appointments”",
            (
                "<p>Under <b>My appointments</b> you see every appointment you have booked. From "
                "there you can print the booking receipt or cancel the appointment.</p>"
            ),
            notes=["If you cannot go at the booked time, cancel the appointment before it."],
        ),
        (
            "warning",
            {
                "text": (
                    "<p>If you do not go to the office at the booked time, your appointment is "
                    "cancelled and, at the end of that working day, you receive an SMS saying "
                    "that you cannot book online at any judicial e-services office for "
                    "<b>one week</b>.</p>"
                )
            },
        ),
        _step(
            "Go to the office with your receipt and national ID card",
            (
                "<p>Go to the office on the day and at the time of your appointment, with a "
                "picture or a printout of your booking receipt.</p>"
            ),
            warnings=["You must show your national ID card together with the booking receipt."],
        ),
    ],
}


def _home_highlights(guide_index, booking_guide, *, signin_url):
    english = guide_index.locale.language_code == "en"
    return [
        (
            "link",
            {
                "title": "Guides" if english else "راهنماها",
                "description": (
                    "Step by step: appointments, filing and electronic notices."
                    if english
                    else "گام‌به‌گام: نوبت گرفتن، ثبت دادخواست و لایحه، و ابلاغ الکترونیک."
                ),
                "page": guide_index,
                "url": "",
            },
        ),
        (
            "link",
            {
                "title": "Book an appointment" if english else "نوبت گرفتن از دفتر",
                "description": (
                    "How to book a visit to an office online, and what to bring."
                    if english
                    else "نوبت اینترنتی برای مراجعه به دفتر و مدارکی که باید همراه داشته باشید."
                ),
                "page": booking_guide,
                "url": "",
            },
        ),
        (
            "link",
            {
                "title": "Sign in" if english else "ورود به حساب کاربری",
                "description": (
                    "Your filings, appointments and notices."
                    if english
                    else "پرونده‌ها، نوبت‌ها و ابلاغیه‌های شما."
                ),
                "page": None,
                "url": signin_url,
            },
        ),
        (
            "link",
            {
                "title": "For developers: the API" if english else "برای توسعه‌دهندگان: API",
                "description": (
                    "The platform's REST API and the public pages API."
                    if english
                    else "واسط برنامه‌نویسی سامانه و API صفحات عمومی."
                ),
                "page": None,
                "url": "/api/docs/",
            },
        ),
    ]


# --- The regulation (seed 004, CMS-2) ---------------------------------------------------------
# The text comes from the seed (parsed by cms_pages.regulation); the short titles of the
# articles are headings for the table of contents, not part of the text.

REGULATION_FA = {
    "title": "آیین‌نامه اجرایی ایجاد دفاتر خدمات الکترونیک قضایی و کانون آن‌ها",
    "approved": "مصوب ۲۶/۱۲/۱۳۹۶ رئیس قوه قضاییه",
    "introduction": (
        "متن آیین‌نامه‌ای که در اجرای تبصره ۲ ماده ۶۵۵ قانون آیین دادرسی کیفری، ایجاد دفاتر "
        "خدمات الکترونیک قضایی، کارکنان آن‌ها، اداره کل، شورای مشورتی، کانون دفاتر و مقررات "
        "انتظامی را تنظیم می‌کند. هر ماده نشانی جداگانه دارد؛ برای ارجاع به یک ماده، پیوند "
        "شمارهٔ آن را به کار ببرید."
    ),
    "search_description": "متن آیین‌نامه اجرایی ایجاد دفاتر خدمات الکترونیک قضایی، ماده به ماده.",
}
REGULATION_EN = {
    "title": "Regulation on judicial e-services offices and their Association",
    "approved": "Approved by the Head of the Judiciary on 17 March 2018 (1396/12/26)",
    "introduction": (
        "The regulation made under note 2 of article 655 of the Code of Criminal Procedure: "
        "how judicial e-services offices are set up, their staff, the General Directorate, the "
        "advisory Council, the offices' Association, and discipline. The authoritative text is "
        "Persian and is shown as such; the headings are translated. Every article has its own "
        "address: link to an article by its number."
    ),
    "search_description": "The regulation on judicial e-services offices, article by article.",
}

ARTICLE_TITLES = {
    1: ("تعاریف", "Definitions"),
    2: ("طرح دعوا از طریق دفاتر یا درگاه", "Filing through the offices or the portal"),
    3: ("دفاتر خدمات الکترونیک قضایی", "The offices"),
    4: ("درگاه خدمات قضایی", "The judicial services portal"),
    5: ("اقدام از طریق درگاه", "Filing through the portal"),
    6: ("اقدام از طریق دفتر", "Filing at an office"),
    7: ("شماره رهگیری و نشانی الکترونیکی", "Tracking number and electronic address"),
    8: ("ابلاغ اوراق قضایی", "Service of court papers"),
    9: ("ارسال الکترونیکی نتایج و گزارش‌ها", "Reports sent electronically"),
    10: ("تکلیف ضابطان دادگستری", "Duties of judicial officers"),
    11: ("امور کیفری", "Criminal matters"),
    12: ("مسئولیت اجرا", "Responsibility for implementation"),
    13: ("فراهم کردن امکانات", "Facilities for electronic services"),
    14: ("تأسیس دفتر", "Establishing an office"),
    15: ("کارکنان دفتر", "Staff of an office"),
    16: ("شرایط عمومی", "General requirements"),
    17: ("شرایط اختصاصی مدیر دفتر", "Requirements for the manager"),
    18: ("شرایط اختصاصی کارشناس حقوقی", "Requirements for the legal expert"),
    19: ("شرایط اختصاصی کارشناس فناوری اطلاعات", "Requirements for the IT expert"),
    20: ("شرایط اختصاصی کارمندان دفتر", "Requirements for clerks"),
    21: ("ممنوعیت‌ها", "Who may not hold a licence or work in an office"),
    22: ("اداره کل", "The General Directorate"),
    23: ("اعضای شورا", "Members of the Council"),
    24: ("وظایف شورا", "Duties of the Council"),
    25: ("کانون دفاتر", "The offices' Association"),
    26: ("هیأت مدیره کانون", "The Association's board"),
    27: ("مدیر عامل، رئیس و خزانه‌دار", "Chief executive, chair and treasurer"),
    28: ("وظایف هیأت مدیره کانون", "Duties of the Association's board"),
    29: ("بودجه کانون", "The Association's budget"),
    30: ("تفویض وظایف", "Delegation"),
    31: ("انصراف یا فوت مدیر دفتر", "Withdrawal or death of a manager"),
    32: ("ضوابط نظارت و بازرسی", "Rules of supervision and inspection"),
    33: ("بازرسی از دفاتر", "Inspections"),
    34: ("هیأت‌های بدوی و تجدیدنظر", "First-instance and appeal boards"),
    35: ("اقدامات تنبیهی انتظامی", "Disciplinary measures"),
    36: ("قطعیت آرا و اعتراض", "Finality and appeal"),
    37: ("تخلفات انتظامی", "Disciplinary offences"),
    38: ("جرم در جریان رسیدگی", "Crimes found during proceedings"),
    39: ("جایگزینی مقررات پیشین", "Earlier rules replaced"),
}

CHAPTER_TITLES_EN = {
    1: ("Chapter one", "Judicial e-services"),
    2: ("Chapter two", "Organisation and staff of an office"),
    3: ("Chapter three", "The General Directorate and the advisory Council"),
    4: ("Chapter four", "The Association of judicial e-services offices"),
    5: ("Chapter five", "Administrative and disciplinary rules"),
}


def regulation_body(text: str, *, english: bool = False) -> list:
    """The page's stream (chapters and articles with their notes) from the seed's text."""
    regulation = parse_regulation(text)
    chapters = {c.number: c for c in regulation.chapters}
    stream = []
    current_chapter = 0
    for article in regulation.articles:
        if article.chapter != current_chapter and article.chapter in chapters:
            chapter = chapters[article.chapter]
            label, title = (
                CHAPTER_TITLES_EN[chapter.number] if english else (chapter.label, chapter.title)
            )
            stream.append(("chapter", {"number": chapter.number, "label": label, "title": title}))
            current_chapter = article.chapter
        titles = ARTICLE_TITLES.get(article.number, ("", ""))
        stream.append(
            (
                "article",
                {
                    "number": article.number,
                    "title": titles[1] if english else titles[0],
                    "body": "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs),
                    "notes": [{"number": note.number, "text": note.text} for note in article.notes],
                },
            )
        )
    return stream


def seed_regulation(home: HomePage, home_en: HomePage) -> tuple[RegulationPage, RegulationPage]:
    """The regulation under the Persian home page and its English translation (idempotent:
    an existing page is left as its editors made it)."""
    text = REGULATION_SEED.read_text(encoding="utf-8")
    regulation, _ = _ensure_child(
        home,
        RegulationPage,
        REGULATION_SLUG,
        {**REGULATION_FA, "text_language": "fa", "body": regulation_body(text)},
    )
    regulation_en, _ = _ensure_translation(
        regulation,
        home_en.locale,
        {**REGULATION_EN, "body": regulation_body(text, english=True)},
    )
    return regulation, regulation_en


# --- The office directory (CMS-3) ---------------------------------------------------------------
# Only the page's heading and introduction are content; the offices come from the offices app.

OFFICES_FA = {
    "title": "فهرست دفاتر خدمات الکترونیک قضایی",
    "intro": (
        "<p>دفتر مورد نظر خود را بر اساس استان، شهر، خدمت، نام یا کد دفتر پیدا کنید. "
        "کنار هر دفتر آمده است که آیا اکنون نوبت می‌دهد و اگر نه، چرا. در صفحهٔ هر دفتر "
        "نشانی، تلفن، ساعات کار، خدمات و پیوند نوبت گرفتن آمده است.</p>"
    ),
    "search_description": "جستجوی دفاتر خدمات الکترونیک قضایی بر اساس استان، شهر و خدمت.",
}
OFFICES_EN = {
    "title": "Directory of judicial e-services offices",
    "intro": (
        "<p>Find an office by province, city, service, name or code. Each office shows "
        "whether it takes appointments now and, if not, why. An office's page gives its "
        "address, phone, opening hours, services and a link to book an appointment.</p>"
    ),
    "search_description": "Search judicial e-services offices by province, city and service.",
}


def seed_office_directory(
    home: HomePage, home_en: HomePage
) -> tuple[OfficeDirectoryPage, OfficeDirectoryPage]:
    """The directory page under the Persian home page and its English translation
    (idempotent)."""
    directory, _ = _ensure_child(home, OfficeDirectoryPage, OFFICES_SLUG, OFFICES_FA)
    directory_en, _ = _ensure_translation(directory, home_en.locale, OFFICES_EN)
    return directory, directory_en


# --- Published reprimands (CMS-4) -------------------------------------------------------------
# Only the heading and the introduction are content; the entries come from discipline.

REPRIMANDS_FA = {
    "title": "توبیخ‌های منتشرشده",
    "intro": (
        "<p>به موجب بند ۴ ماده ۳۵ آیین‌نامه، «توبیخ کتبی با درج در سایت مرکز» یکی از "
        "تنبیه‌های انتظامی مدیران و کارکنان دفاتر خدمات الکترونیک قضایی است. این فهرست "
        "فقط آرایی را نشان می‌دهد که قطعی و اجرا شده‌اند؛ رأیی که هنوز قابل تجدیدنظر یا "
        "اعتراض است یا در جریان رسیدگی است در اینجا نمی‌آید.</p>"
    ),
    "search_description": "فهرست توبیخ‌های کتبی منتشرشده دفاتر خدمات الکترونیک قضایی.",
}
REPRIMANDS_EN = {
    "title": "Published reprimands",
    "intro": (
        "<p>Under article 35(4) of the regulation, a written reprimand published on the "
        "centre's website is one of the disciplinary sanctions for the managers and staff of "
        "judicial e-services offices. This list shows only rulings that are final and "
        "enforced; a ruling that can still be appealed or objected to, or a case still being "
        "heard, never appears here.</p>"
    ),
    "search_description": "Written reprimands published against judicial e-services offices.",
}


def seed_reprimands(
    home: HomePage, home_en: HomePage
) -> tuple[ReprimandIndexPage, ReprimandIndexPage]:
    """The published reprimands page under the Persian home page and its English translation
    (idempotent)."""
    page, _ = _ensure_child(home, ReprimandIndexPage, REPRIMANDS_SLUG, REPRIMANDS_FA)
    page_en, _ = _ensure_translation(page, home_en.locale, REPRIMANDS_EN)
    return page, page_en


# --- Guides from seeds 000, 003 and 002 (CMS-1) -----------------------------------------------


def _guide_fields(content):
    return {**content, "last_reviewed": LAST_REVIEWED}


def seed_guides(guide_index, guide_index_en):
    """The defence-brief (seed 000) and electronic-notice (seed 003) guides in Persian with
    their English translations (idempotent)."""
    pairs = []
    for slug, persian, english in (
        (guides.DEFENCE_BRIEF_SLUG, guides.DEFENCE_BRIEF_FA, guides.DEFENCE_BRIEF_EN),
        (guides.NOTICES_SLUG, guides.NOTICES_FA, guides.NOTICES_EN),
    ):
        page, _ = _ensure_child(guide_index, GuidePage, slug, _guide_fields(persian))
        page_en, _ = _ensure_translation(page, guide_index_en.locale, english)
        pairs.append((page, page_en))
    return pairs


def seed_azerbaijani(home, guide_index):
    """An Azerbaijani home page and guide index (translations of the Persian ones) with the
    e-court personal cabinet guide of seed 002, which exists only in Azerbaijani. Nothing is
    made unless Azerbaijani is one of the site's languages."""
    if "az" not in dict(settings.LANGUAGES):
        return None, None, None
    az, _ = Locale.objects.get_or_create(language_code="az")
    home_az, created = _ensure_translation(home, az, {**guides.HOME_AZ, "highlights": []})
    guide_index_az, _ = _ensure_translation(guide_index, az, guides.GUIDE_INDEX_AZ)
    cabinet, _ = _ensure_child(
        guide_index_az, GuidePage, guides.CABINET_SLUG, _guide_fields(guides.CABINET_AZ)
    )
    if created:
        home_az = _publish(
            home_az,
            highlights=[
                (
                    "link",
                    {
                        "title": guides.GUIDE_INDEX_AZ["title"],
                        "description": "Elektron məhkəmə xidmətlərindən istifadə qaydaları.",
                        "page": guide_index_az,
                        "url": "",
                    },
                ),
                (
                    "link",
                    {
                        "title": "Elektron şəxsi kabinet",
                        "description": "Qeydiyyat, giriş, işlər, sənədlər və elektron müraciət.",
                        "page": cabinet,
                        "url": "",
                    },
                ),
            ],
        )
    return home_az, guide_index_az, cabinet


# --- Building ---------------------------------------------------------------------------------


def _publish(page, **fields):
    """Set ``fields`` on a fresh copy of the page, save them as a revision and publish it.

    The copy is read again from the database first: a revision is applied to the instance it
    was made from, and a stale instance would write back stale tree fields (numchild) and
    hide the children added since it was loaded."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _ensure_default_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Daftar"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or "Daftar"
        site.save()


def _remove_wagtail_welcome_page():
    """Wagtail's installation creates a plain "Welcome to your new Wagtail site!" page; once
    the home page is the Site root it is an orphan and is removed (only if untouched)."""
    page_type = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(depth=2, content_type=page_type, numchild=0):
        if not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()


def _ensure_home(locale):
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(slug=HOME_SLUG, locale=locale, show_in_menus=True, **HOME_FA)
    )
    return home, True


def _ensure_child(parent, model, slug, fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    parent = Page.objects.get(pk=parent.pk)  # current tree fields, see _publish
    page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))
    return _publish(page), True


def _ensure_translation(page, locale, fields, *, slug=None):
    """The page's translation into ``locale``, created with ``fields`` and published."""
    existing = page.get_translations().filter(locale=locale).first()
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale).specific
    if slug:
        fields = {**fields, "slug": slug}
    return _publish(translation, **fields), True


@transaction.atomic
def seed_pages() -> SeededPages:
    fa, _ = Locale.objects.get_or_create(language_code="fa")
    en, _ = Locale.objects.get_or_create(language_code="en")

    home, home_created = _ensure_home(fa)
    _ensure_default_site(home)
    _remove_wagtail_welcome_page()

    guide_index, _ = _ensure_child(home, GuideIndexPage, GUIDE_INDEX_SLUG, GUIDE_INDEX_FA)
    booking_guide, _ = _ensure_child(
        guide_index,
        GuidePage,
        BOOKING_GUIDE_SLUG,
        {**BOOKING_FA, "audience": GuidePage.Audience.PUBLIC, "last_reviewed": LAST_REVIEWED},
    )
    if home_created:
        home = _publish(
            home,
            highlights=_home_highlights(guide_index, booking_guide, signin_url="/accounts/signin/"),
        )

    home_en, home_en_created = _ensure_translation(home, en, {**HOME_EN, "highlights": []})
    guide_index_en, _ = _ensure_translation(guide_index, en, GUIDE_INDEX_EN)
    booking_guide_en, _ = _ensure_translation(booking_guide, en, BOOKING_EN)
    if home_en_created:
        home_en = _publish(
            home_en,
            highlights=_home_highlights(
                guide_index_en, booking_guide_en, signin_url="/en/accounts/signin/"
            ),
        )

    regulation, regulation_en = seed_regulation(home, home_en)
    office_directory, office_directory_en = seed_office_directory(home, home_en)
    reprimands, reprimands_en = seed_reprimands(home, home_en)
    (defence, defence_en), (notices, notices_en) = seed_guides(guide_index, guide_index_en)
    home_az, guide_index_az, cabinet_az = seed_azerbaijani(home, guide_index)

    return SeededPages(
        home=home,
        guide_index=guide_index,
        booking_guide=booking_guide,
        home_en=home_en,
        guide_index_en=guide_index_en,
        booking_guide_en=booking_guide_en,
        regulation=regulation,
        regulation_en=regulation_en,
        office_directory=office_directory,
        office_directory_en=office_directory_en,
        reprimands=reprimands,
        reprimands_en=reprimands_en,
        defence_guide=defence,
        defence_guide_en=defence_en,
        notices_guide=notices,
        notices_guide_en=notices_en,
        home_az=home_az,
        guide_index_az=guide_index_az,
        cabinet_guide_az=cabinet_az,
    )
