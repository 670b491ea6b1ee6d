"""The catalogue of disciplinary violations of managers and staff of the offices (DIS-12):
art. 37 of the executive regulation, in its own Persian wording and in English. Loaded by
migration 0002 (`load`), idempotently."""

CATALOGUE = [
    (
        1,
        "عدم نصب هزینه خدمات در محل مناسب",
        "Not displaying the fees of the services in a suitable place",
    ),
    (
        2,
        "عدم حضور مدیر در ساعات اداری دفتر بدون عذر موجه",
        "Absence of the manager from the office during office hours without a valid excuse",
    ),
    (
        3,
        "تأخیر در ارسال آمار و اطلاعات درخواستی مراجع ذی‌صلاح",
        "Delay in sending the statistics and information requested by the competent authorities",
    ),
    (
        4,
        "تأخیر غیرموجه در ارسال یا درج اطلاعات یا اسناد مربوط در سامانه یا در سایر فرایندهای "
        "خدمات یا تقصیر در امور مذکور",
        "Unjustified delay in sending or entering information or documents in the system or in "
        "other service processes, or fault in those tasks",
    ),
    (
        5,
        "عدم حضور فعال در دوره‌های آموزشی تعیین شده توسط مرکز",
        "Not taking an active part in the training courses set by the centre",
    ),
    (6, "عدم تحویل قبض رسید وجوه به ارباب رجوع", "Not giving clients a receipt for money received"),
    (
        7,
        "عدم رعایت نکات امنیتی در حفاظت از اطلاعات و سامانه خدمات الکترونیک قضایی مطابق با "
        "ضوابط ابلاغی مرکز",
        "Not following the security rules for protecting the data and the judicial e-services "
        "system issued by the centre",
    ),
    (
        8,
        "رفتار خارج از نزاکت با ارباب رجوع و همکاران",
        "Discourteous conduct towards clients or colleagues",
    ),
    (9, "عدم همکاری با بازرسان", "Not cooperating with inspectors"),
    (
        10,
        "خودداری از تحویل رونوشت به کسانی که قانوناً حق دریافت آن را دارند",
        "Refusing to give copies to those legally entitled to receive them",
    ),
    (
        11,
        "امتناع از واریز وجوه به حساب‌های مربوط که پرداخت آن‌ها الزامی است",
        "Refusing to deposit funds into the accounts where payment is required",
    ),
    (
        12,
        "دریافت وجه بیشتر از هزینه‌های تعیین شده",
        "Charging more than the fees that have been set",
    ),
    (
        13,
        "افشای اطلاعات اصحاب دعوا به افراد غیرمسئول و عدم رعایت حریم خصوصی",
        "Disclosing the parties' information to unauthorised persons and breach of privacy",
    ),
    (14, "عدم رعایت مقررات و ضوابط مربوط", "Not complying with the relevant rules and regulations"),
]


def load(Violation) -> None:
    for number, title_fa, title_en in CATALOGUE:
        Violation.objects.update_or_create(
            number=number, defaults={"title_fa": title_fa, "title_en": title_en}
        )
