"""The text of the guides written from the seeds (CMS-1): filing a defence brief through the
lawyers' system (seed 000), the electronic notice system (seed 003) and, in Azerbaijani, the
e-court personal cabinet (seed 002). The appointment-booking guide (seed 001) is in
``cms_pages.seed``.

The Persian guides follow the seeds' order and wording, rewritten as clean instructions (the
seeds are extracted from PDFs and web pages, with broken words and digits). Where a seed's
number could not be read reliably (a validity period, a digit count), the guide says what
the system itself shows instead of guessing. The English texts are translations of the
Persian ones.
"""

from cms_pages.models import GuidePage


def step(title, body, notes=(), warnings=()):
    return (
        "step",
        {
            "title": title,
            "body": body,
            "image": None,
            "notes": list(notes),
            "warnings": list(warnings),
        },
    )


def note(text):
    return ("note", {"text": text})


def warning(text):
    return ("warning", {"text": text})


# --- Seed 000: a lawyer files a defence brief through the lawyers' system ---------------------
DEFENCE_BRIEF_SLUG = "file-a-defence-brief"

DEFENCE_BRIEF_FA = {
    "title": "ثبت و ارسال لایحه دفاعیه از طریق سامانه خدمات وکلا",
    "seo_title": "ثبت لایحه دفاعیه در سامانه خدمات وکلا",
    "search_description": (
        "راهنمای گام‌به‌گام وکلا برای ثبت لایحه دفاعیه: اطلاعات پرونده، مدارک، ارائه‌کننده، "
        "متن لایحه، منضمات، آماده‌سازی، امضای الکترونیک، پرداخت هزینه و ارسال به دفتر."
    ),
    "summary": (
        "وکیل می‌تواند لایحه دفاعیه را بدون مراجعه به دادگاه، از طریق سامانه خدمات وکلا ثبت "
        "کند، با کد یک‌بار مصرف امضا کند، هزینه را اینترنتی بپردازد و برای دفتر خدمات "
        "الکترونیک قضایی بفرستد. این راهنما مراحل را به همان ترتیبی که سامانه باز می‌کند "
        "شرح می‌دهد."
    ),
    "audience": GuidePage.Audience.LAWYERS,
    "steps": [
        step(
            "وارد سامانه خدمات وکلا شوید",
            "<p>با حساب کاربری وکالت خود وارد <b>سامانه خدمات وکلا</b> شوید.</p>",
        ),
        step(
            "بخش «ارائه و پیگیری لایحه» را باز کنید",
            "<p>از فهرست خدمات، گزینهٔ <b>«ارائه و پیگیری لایحه»</b> را انتخاب کنید.</p>",
        ),
        step(
            "لایحه دفاعیه را به عنوان موضوع انتخاب کنید",
            (
                "<p>روی دکمهٔ <b>«افزودن»</b> کلیک کنید، عنوان <b>«لایحه دفاعیه»</b> را "
                "برگزینید و به مرحلهٔ بعد بروید.</p>"
            ),
        ),
        step(
            "اطلاعات پرونده را وارد کنید",
            (
                "<p>اطلاعات پرونده‌ای را که لایحه به آن تقدیم می‌شود وارد کنید. سامانه سه روش "
                "برای معرفی پرونده پیشنهاد می‌کند؛ یکی را برگزینید، اطلاعات آن را کامل کنید و "
                "روی <b>«مرحله بعدی»</b> کلیک کنید.</p>"
            ),
            notes=["وارد کردن اطلاعات پرونده الزامی است."],
        ),
        step(
            "مدارک را در زبانهٔ «مدارک» اضافه کنید",
            (
                "<p>در زبانهٔ <b>«مدارک»</b> مدارک لایحه را بارگذاری کنید و سپس به مرحلهٔ بعد "
                "بروید.</p>"
            ),
            warnings=[
                "افزودن مدارک عملاً الزامی است: اگر مدرکی ثبت نکنید، سامانه در مراحل بعدی "
                "هشدار می‌دهد و کار پیش نمی‌رود."
            ],
        ),
        step(
            "ارائه‌کنندهٔ لایحه را مشخص کنید",
            (
                "<p>در مرحلهٔ <b>«ارائه‌کننده لایحه»</b> گزینهٔ <b>«وکیل»</b> را علامت بزنید، "
                "کد ملی وکیل را وارد و استعلام کنید. مشخصات وکیل خودکار تکمیل می‌شود. سپس روی "
                "<b>«مرحله بعدی»</b> کلیک کنید.</p>"
            ),
        ),
        step(
            "متن لایحه را بنویسید و ثبت موقت کنید",
            (
                "<p>متن لایحه را در سامانه بنویسید. به جای آن می‌توانید متن را روی سربرگ خود "
                "بنویسید و تصویر اسکن‌شدهٔ آن را بارگذاری کنید. در پایان این مرحله "
                "<b>«ثبت موقت»</b> را بزنید و سپس با دکمهٔ <b>«بازگشت به فهرست»</b> به فهرست "
                "اصلی برگردید.</p>"
            ),
        ),
        note(
            "<p>پس از بازگشت به فهرست، فقط چهار گزینهٔ نخست باز است و بقیهٔ گزینه‌ها تا "
            "مرحلهٔ «آماده‌سازی» قفل می‌مانند.</p>"
        ),
        step(
            "منضمات را بارگذاری کنید",
            (
                "<p>اگر لایحه منضماتی دارد، روی گزینهٔ <b>«منضمات»</b> کلیک کنید، منضمات را "
                "طبق ضوابط تعیین‌شده با دقت اسکن کنید و با قالب <b>JPEG</b> بارگذاری کنید. سپس "
                "دوباره <b>«بازگشت به فهرست»</b> را بزنید.</p>"
            ),
            warnings=["منضمات فقط با قالب JPEG پذیرفته می‌شوند؛ تصویر باید خوانا باشد."],
        ),
        step(
            "لایحه را برای محاسبهٔ هزینه و ارسال آماده کنید",
            (
                "<p>در فهرست، گزینهٔ <b>«آماده‌سازی جهت محاسبه هزینه و ارسال»</b> را انتخاب "
                "کنید، دکمهٔ <b>«آماده‌سازی»</b> را بزنید و آن را تأیید کنید. پس از بازگشت به "
                "فهرست می‌بینید که همهٔ گزینه‌ها باز شده‌اند.</p>"
            ),
            warnings=[
                "پیش از آماده‌سازی همهٔ اطلاعات، مدارک و متن لایحه را بازبینی کنید؛ "
                "آماده‌سازی راه امضا، پرداخت و ارسال را باز می‌کند."
            ],
        ),
        step(
            "لایحه را امضای الکترونیک کنید",
            (
                "<p>در فهرست اصلی گزینهٔ <b>«اخذ امضای الکترونیک»</b> را انتخاب کنید. کد "
                "موقتی به تلفن همراه وکیل فرستاده می‌شود؛ آن را وارد کنید و با گزینهٔ "
                "<b>«درج امضا»</b> امضا را ثبت کنید.</p>"
            ),
            warnings=["کد موقت امضا را به هیچ‌کس نگویید؛ این کد جای امضای شماست."],
        ),
        step(
            "دفتر خدمات را انتخاب کنید و هزینه را بپردازید",
            (
                "<p>به فهرست اصلی برگردید و از بخش <b>«محاسبه و دریافت هزینه»</b> دفتر خدمات "
                "الکترونیک قضایی مورد نظر را انتخاب کنید. در همان صفحه روی <b>«محاسبه هزینه "
                "دادرسی و تعرفه خدمات»</b> کلیک کنید. وقتی مبلغ نمایش داده شد، در جدول "
                "«پرداخت از طریق درگاه اینترنتی» گزینهٔ <b>«پرداخت اینترنتی هزینه»</b> را "
                "بزنید و پرداخت را کامل کنید.</p>"
            ),
        ),
        step(
            "لایحه را به دفتر خدمات قضایی ارسال کنید",
            (
                "<p>پس از پرداخت، به فهرست اصلی برگردید و گزینهٔ <b>«ارسال به دفتر خدمات "
                "قضایی»</b> را انتخاب کنید. رمز موقتی برایتان فرستاده می‌شود؛ آن را وارد کنید "
                "و ارسال را بزنید. با این کار تقدیم لایحه کامل می‌شود.</p>"
            ),
            notes=["دفتر خدمات پس از دریافت، لایحه را بررسی و برای مرجع قضایی ارسال می‌کند."],
        ),
        note(
            "<p>این راهنما بر اساس راهنمای کمیسیون انفورماتیک کانون وکلای دادگستری "
            "آذربایجان شرقی تنظیم شده است.</p>"
        ),
    ],
}

DEFENCE_BRIEF_EN = {
    "title": "Filing a defence brief through the lawyers' services system",
    "seo_title": "Filing a defence brief in the lawyers' services system",
    "search_description": (
        "Step by step for lawyers: case details, documents, presenter, text of the brief, "
        "attachments, preparation, e-signature, paying the fee and sending it to an office."
    ),
    "summary": (
        "A lawyer can file a defence brief without going to court: record it in the lawyers' "
        "services system, sign it with a one-time code, pay the fee online and send it to a "
        "judicial e-services office. This guide follows the steps in the order the system "
        "opens them."
    ),
    "steps": [
        step(
            "Sign in to the lawyers' services system",
            "<p>Sign in to the <b>lawyers' services system</b> with your lawyer's account.</p>",
        ),
        step(
            "Open “Submit and follow up a brief”",
            "<p>From the list of services, choose <b>Submit and follow up a brief</b>.</p>",
        ),
        step(
            "Choose a defence brief as the subject",
            (
                "<p>Click <b>Add</b>, choose the title <b>Defence brief</b> and go on to the "
                "next step.</p>"
            ),
        ),
        step(
            "Enter the case details",
            (
                "<p>Enter the details of the case the brief is filed in. The system offers "
                "three ways to identify the case; choose one, complete it and click "
                "<b>Next step</b>.</p>"
            ),
            notes=["The case details are required."],
        ),
        step(
            "Add the documents in the “Documents” tab",
            "<p>Upload the brief's documents in the <b>Documents</b> tab, then go on.</p>",
            warnings=[
                "Documents are in practice required: if you add none, the system warns you in "
                "the later steps and you cannot go further."
            ],
        ),
        step(
            "Say who presents the brief",
            (
                "<p>In the <b>Presenter of the brief</b> step, tick <b>Lawyer</b>, enter the "
                "lawyer's national ID number and look it up. The lawyer's details are filled in "
                "automatically. Then click <b>Next step</b>.</p>"
            ),
        ),
        step(
            "Write the brief and save it as a draft",
            (
                "<p>Write the text of the brief in the system. Instead, you can write it on "
                "your letterhead and upload a scan of it. At the end of this step click "
                "<b>Save draft</b>, then <b>Back to the list</b> to return to the main list.</p>"
            ),
        ),
        note(
            "<p>Back on the list, only the first four items are open; the others stay locked "
            "until the brief is prepared.</p>"
        ),
        step(
            "Upload the attachments",
            (
                "<p>If the brief has attachments, click <b>Attachments</b>, scan them carefully "
                "as the rules require and upload them as <b>JPEG</b> files. Then click <b>Back "
                "to the list</b> again.</p>"
            ),
            warnings=["Attachments are accepted as JPEG files only, and must be legible."],
        ),
        step(
            "Prepare the brief for the fee and sending",
            (
                "<p>On the list, choose <b>Prepare for fee calculation and sending</b>, press "
                "<b>Prepare</b> and confirm. Back on the list, every item is now unlocked.</p>"
            ),
            warnings=[
                "Check the details, documents and text before preparing: preparing is what "
                "opens signing, payment and sending."
            ],
        ),
        step(
            "Sign the brief electronically",
            (
                "<p>On the main list choose <b>Electronic signature</b>. A temporary code is "
                "sent to the lawyer's mobile; enter it and record the signature with <b>Add "
                "signature</b>.</p>"
            ),
            warnings=["Never share the signing code: it stands for your signature."],
        ),
        step(
            "Choose the office and pay the fee",
            (
                "<p>Return to the main list and, under <b>Fee calculation and payment</b>, "
                "choose the judicial e-services office you want. On the same page click "
                "<b>Calculate the court fee and service tariff</b>. When the amount is shown, "
                "click <b>Pay online</b> in the “Payment through the online gateway” table and "
                "complete the payment.</p>"
            ),
        ),
        step(
            "Send the brief to the judicial services office",
            (
                "<p>After paying, return to the main list and choose <b>Send to the judicial "
                "services office</b>. A temporary code is sent to you; enter it and send. This "
                "completes the filing of the brief.</p>"
            ),
            notes=["The office checks the brief it receives and forwards it to the court."],
        ),
        note(
            "<p>This guide is based on the guide of the Informatics Commission of the East "
            "Azerbaijan Bar Association.</p>"
        ),
    ],
}


# --- Seed 003: the judiciary's electronic notice system ----------------------------------------
NOTICES_SLUG = "electronic-notices"

NOTICES_FA = {
    "title": "راهنمای سامانه ابلاغ الکترونیک",
    "seo_title": "سامانه ابلاغ الکترونیک: ورود، دیدن ابلاغیه‌ها و رمز عبور",
    "search_description": (
        "ورود به سامانه ابلاغ الکترونیک با کد ملی، رمز شخصی و رمز موقت؛ ابلاغیه‌های جدید و "
        "مشاهده‌شده؛ دریافت ابلاغیه با رمز پرونده یا شماره ابلاغیه؛ تغییر و بازیابی رمز."
    ),
    "summary": (
        "اوراق قضایی (اخطاریه، احضاریه، رأی و …) به حساب کاربری شما در سامانه ابلاغ "
        "الکترونیک فرستاده می‌شود و دیدن آن در سامانه، ابلاغ به شمار می‌آید. در این راهنما "
        "می‌خوانید چگونه وارد سامانه شوید، ابلاغیه‌ها را ببینید و بازیابی کنید، و رمز عبور "
        "خود را تغییر دهید یا بازیابی کنید."
    ),
    "audience": GuidePage.Audience.PARTIES,
    "steps": [
        note(
            "<p>سامانه ابلاغ را مرکز آمار و فناوری اطلاعات قوه قضاییه بر اساس قانون آیین "
            "دادرسی کیفری و آیین‌نامه نحوه استفاده از سامانه‌های رایانه‌ای و مخابراتی طراحی "
            "کرده است. ابلاغ از این راه کافی و معتبر است و نمی‌توان فقط به دلیل الکترونیکی "
            "بودن، اثر قانونی آن را نپذیرفت؛ ابلاغ کاغذی موازی هم انجام نمی‌شود.</p>"
        ),
        step(
            "در سامانه ثنا ثبت‌نام کنید",
            (
                "<p>پیش از هر چیز در <b>سامانه ثبت‌نام الکترونیک قضایی (ثنا)</b> به نشانی "
                '<span dir="ltr">sana.adliran.ir</span> ثبت‌نام کنید. رمز شخصی شما با پیامک '
                "فرستاده می‌شود. حساب کاربری شما در سامانه ابلاغ همان نشانی الکترونیکی است که "
                "با این ثبت‌نام به شما اختصاص می‌یابد.</p>"
            ),
            notes=[
                "شماره همراه و پست الکترونیکی‌ای که در ثنا ثبت می‌کنید همان جایی است که خبر "
                "صدور ابلاغیه‌ها و رمزهای موقت به آن فرستاده می‌شود."
            ],
        ),
        step(
            "از صدور ابلاغیه باخبر شوید",
            (
                "<p>هر بار که ابلاغیه‌ای برای شما صادر شود، پیامک یا پست الکترونیکی به "
                "نشانی‌هایی که در ثنا ثبت کرده‌اید فرستاده می‌شود. برای دیدن ابلاغیه باید به "
                "سامانه ابلاغ بروید.</p>"
            ),
        ),
        step(
            "سامانه ابلاغ را باز کنید",
            (
                '<p>نشانی <span dir="ltr">eblagh.adliran.ir</span> را باز کنید، یا در درگاه '
                'عدل ایران (<span dir="ltr">www.adliran.ir</span>) از بخش «خدمات ویژه» '
                "گزینهٔ <b>«سامانه ابلاغ الکترونیک»</b> را انتخاب کنید.</p>"
            ),
            notes=[
                "در بخش کناری صفحه نکته‌های امنیتی آمده است؛ آن‌ها را بخوانید.",
                "نوار بالای سامانه گزینه‌های صفحه اصلی، سامانه خدمات الکترونیک قضایی (سخا)، "
                "سامانه ثنا، تنظیمات رنگ صفحه و خروج را دارد.",
            ],
        ),
        step(
            "با کد ملی و رمز شخصی وارد شوید",
            (
                "<p><b>شخص حقیقی:</b> کد ملی کامل، رمز شخصی و کد امنیتی نمایش‌داده‌شده را وارد "
                "کنید.</p>"
                "<p><b>شخص حقوقی</b> (شرکت، سازمان یا نهاد عمومی و خصوصی): افزون بر این‌ها "
                "شناسه ملی شخص حقوقی را وارد کنید؛ کد ملی در این حالت کد ملی مدیر مجازی است "
                "که به نمایندگی از شخص حقوقی در ثنا ثبت‌نام کرده است.</p>"
                "<p>سپس روی <b>«مرحله بعد»</b> کلیک کنید.</p>"
            ),
            notes=[
                "اگر کد امنیتی خوانا نیست، با گزینهٔ کنار آن کد دیگری بگیرید.",
                "پر کردن خانه‌هایی که ستاره دارند الزامی است.",
            ],
            warnings=["رمز شخصی‌ای که با پیامک ثنا دریافت کرده‌اید را پس از نخستین ورود تغییر دهید."],
        ),
        step(
            "رمز موقت را وارد کنید",
            (
                "<p>پس از بررسی کد ملی و رمز شخصی، سامانه یک <b>رمز موقت</b> می‌سازد و به "
                "تلفن همراه شما پیامک می‌کند. رمز موقت و کد امنیتی را وارد کنید و "
                "<b>«ورود»</b> را بزنید. به این ترتیب اگر رمز شخصی شما فاش شود، کسی با آن "
                "به تنهایی وارد نمی‌شود.</p>"
            ),
            notes=[
                "رمز موقت فقط تا زمانی که در پیامک آمده معتبر است و در این مدت در هر ورود "
                "همان رمز پذیرفته می‌شود (پیام «رمز موقت قبلاً برای شما ارسال شده است»).",
                "اگر رمز موقت را فراموش کردید، کد امنیتی را وارد کنید و «ارسال مجدد رمز موقت» "
                "را بزنید؛ رمز موقت تازه‌ای با زمان انقضای تازه پیامک می‌شود.",
            ],
        ),
        step(
            "ابلاغیه‌های جدید را ببینید",
            (
                "<p>در صفحهٔ اصلی، بستهٔ <b>«ابلاغیه‌های جدید»</b> ابلاغیه‌هایی را دارد که هنوز "
                "ندیده‌اید؛ تعداد آن‌ها با عدد قرمز نشان داده می‌شود. در جدول این بسته شماره "
                "ابلاغیه و تاریخ صدور آمده است. با <b>«دریافت و مشاهده»</b> ابلاغیه و "
                "پیوست‌هایش نمایش داده می‌شود.</p>"
            ),
            notes=[
                "ابلاغیه در پنجرهٔ تازه‌ای از مرورگر باز می‌شود؛ اگر مرورگر اجازهٔ باز شدن "
                "پنجره را خواست، آن را بدهید.",
                "پس از دیدن ابلاغیه می‌توانید متن و پیوست‌های آن را با امکانات مرورگر چاپ کنید.",
            ],
        ),
        warning(
            "<p><b>دیدن ابلاغیه، ابلاغ است.</b> رسیدن اوراق قضایی به حساب کاربری شما در "
            "سامانه ابلاغ، ابلاغ به شمار می‌آید؛ زمان دیدن ابلاغیه با جزئیات ثبت می‌شود و همهٔ "
            "آثار ابلاغ واقعی را دارد، و مهلت‌های قانونی از همان زمان آغاز می‌شود.</p>"
        ),
        warning(
            "<p><b>سر نزدن به سامانه، امتناع از قبول اوراق است.</b> اگر به سامانه ابلاغ مراجعه "
            "نکنید، این کار امتناع از قبول اوراق قضایی (ماده ۷۱ قانون آیین دادرسی دادگاه‌های "
            "عمومی و انقلاب در امور مدنی) به شمار می‌آید و ابلاغ انجام‌شده تلقی می‌شود. پس "
            "پیامک‌ها و سامانه را مرتب بررسی کنید.</p>"
        ),
        step(
            "ابلاغیه‌های مشاهده‌شده را دوباره ببینید",
            (
                "<p>بستهٔ <b>«ابلاغیه‌های مشاهده شده»</b> ابلاغیه‌هایی را که پیش‌تر دیده‌اید "
                "با شماره ابلاغیه، شماره پرونده، تاریخ صدور، موضوع، شعبهٔ صادرکننده، "
                "<b>زمان نخستین مشاهده</b> و <b>دفعات مشاهده</b> نشان می‌دهد. با «دریافت» "
                "می‌توانید هر کدام را دوباره ببینید.</p>"
            ),
            notes=[
                "هر بار دیدن دوباره فقط به دفعات مشاهده افزوده می‌شود؛ زمان نخستین مشاهده "
                "تغییر نمی‌کند."
            ],
        ),
        step(
            "ابلاغیه‌های یک پرونده را با رمز پرونده بگیرید",
            (
                "<p>در بستهٔ <b>«دریافت ابلاغیه با رمز پرونده»</b> شماره شانزده‌رقمی پرونده، "
                "ردیف فرعی و رمز پرونده را وارد کنید و «بررسی اطلاعات» را بزنید. همهٔ "
                "ابلاغیه‌های آن پرونده که به سامانه رسیده (دیده‌شده یا نه) فهرست می‌شود.</p>"
            ),
            notes=[
                "ردیف فرعی مرحلهٔ ثبت پرونده (ثبت نخست، ثبت در واحد قضایی دیگر، ورود دوباره) "
                "را نشان می‌دهد و در هر مرحله با پیامک به شما اعلام می‌شود.",
                "هر یک از طرفین، وکلا و کارشناسان پرونده رمز پروندهٔ جداگانهٔ خود را دارد.",
            ],
        ),
        step(
            "یک ابلاغیهٔ مشخص را با شماره‌اش بگیرید",
            (
                "<p>در بستهٔ <b>«دریافت با شماره»</b> شماره ابلاغیه و تاریخ صدور آن را وارد "
                "کنید و «بررسی اطلاعات» را بزنید. این راه برای وقتی است که به یک ابلاغیهٔ خاص "
                "نیاز دارید.</p>"
            ),
        ),
        step(
            "رمز عبور خود را تغییر دهید",
            (
                "<p>از نوار بالای سامانه ابلاغ گزینهٔ <b>«سامانه ثنا»</b> را انتخاب کنید، با "
                "کد ملی، رمز شخصی، کد امنیتی و سپس رمز موقت وارد شوید و بستهٔ <b>«تغییر "
                "رمز»</b> را باز کنید. شناسه کاربری (کد ملی)، رمز عبور فعلی، رمز عبور جدید و "
                "تکرار آن را وارد کنید و <b>«تغییر رمز عبور»</b> را بزنید. پیام «رمز عبور شما "
                "تغییر کرد» نمایش داده و پیامکی برایتان فرستاده می‌شود.</p>"
            ),
            notes=[
                "رمز را هر چند وقت یک بار تغییر دهید. رمزی انتخاب کنید که به خاطر بسپارید و "
                "دیگران نتوانند حدس بزنند.",
                "پس از تغییر رمز از ثنا خارج شوید و با رمز تازه وارد سامانه ابلاغ شوید.",
            ],
        ),
        step(
            "اگر رمز عبور را فراموش کرده‌اید",
            (
                "<p>در صفحهٔ ورود، <b>«رمز عبور خود را فراموش کرده‌ام»</b> را بزنید تا به "
                "سامانه ثنا بروید. کد ملی، تاریخ تولد (سال کامل را بنویسید و ماه و روز را از "
                "فهرست انتخاب کنید)، سریال شناسنامه (بدون سری)، شماره همراهی که در ثنا ثبت "
                "کرده‌اید، پست الکترونیکی (اگر در ثنا ثبت کرده‌اید) و کد امنیتی را وارد کنید و "
                "<b>«ارسال کد فعال‌سازی»</b> را بزنید.</p>"
                "<p>کدهای فعال‌سازی را که به تلفن همراه و پست الکترونیکی فرستاده می‌شود در صفحهٔ "
                "<b>«کد فعال‌سازی را دریافت نموده‌ام»</b> وارد کنید و "
                "<b>«دریافت رمز شخصی جدید»</b> را بزنید. رمز شخصی تازه به تلفن همراه شما پیامک "
                "می‌شود؛ در نخستین فرصت آن را تغییر دهید.</p>"
            ),
            notes=[
                "کد فعال‌سازی پیامک و کد فعال‌سازی پست الکترونیکی با هم فرق دارند؛ هر کدام را "
                "در خانهٔ خودش وارد کنید.",
                "اگر کدی نرسید، «کد امنیتی را دریافت نکرده‌ام» را بزنید تا دوباره درخواست کنید.",
            ],
            warnings=[
                "اگر در ثنا پست الکترونیکی ثبت کرده‌اید، وارد کردن آن و کد فعال‌سازی پست "
                "الکترونیکی الزامی است؛ وگرنه سامانه رمز تازه نمی‌دهد و پیام «رمز عبور "
                "نامعتبر است» نمایش داده می‌شود."
            ],
        ),
    ],
}

NOTICES_EN = {
    "title": "Guide to the electronic notice system",
    "seo_title": "The electronic notice system: signing in, reading notices and passwords",
    "search_description": (
        "Sign in to the electronic notice system with your national ID, personal password "
        "and a temporary password; new and viewed notices; retrieving notices by case password "
        "or notice number; changing and recovering your password."
    ),
    "summary": (
        "Court papers (warnings, summonses, judgments and others) are sent to your account in "
        "the judiciary's electronic notice system, and viewing them there counts as service. "
        "This guide shows how to sign in, read and retrieve your notices, and change or "
        "recover your password."
    ),
    "steps": [
        note(
            "<p>The notice system was built by the judiciary's Centre for Statistics and "
            "Information Technology under the Code of Criminal Procedure and the regulation on "
            "the use of computer and telecommunication systems. Service through it is sufficient "
            "and valid: its legal effect cannot be refused merely because it is electronic, and "
            "no parallel paper service is made.</p>"
        ),
        step(
            "Register in Sana",
            (
                "<p>First register in the judiciary's <b>electronic registration system "
                '(Sana)</b> at <span dir="ltr">sana.adliran.ir</span>. Your personal password '
                "is sent to you by SMS. Your account in the notice system is the electronic "
                "address this registration gives you.</p>"
            ),
            notes=[
                "The mobile number and email address you register in Sana are where notice "
                "alerts and temporary passwords are sent."
            ],
        ),
        step(
            "Learn that a notice has been issued",
            (
                "<p>Each time a notice is issued to you, an SMS or an email is sent to the "
                "addresses you registered in Sana. To read the notice you must go to the notice "
                "system.</p>"
            ),
        ),
        step(
            "Open the notice system",
            (
                '<p>Open <span dir="ltr">eblagh.adliran.ir</span>, or on the Adl-e Iran portal '
                '(<span dir="ltr">www.adliran.ir</span>) choose <b>Electronic notice '
                "system</b> under “Special services”.</p>"
            ),
            notes=[
                "The side panel lists security advice; read it.",
                "The bar at the top offers the home page, the judicial e-services system "
                "(Sakha), Sana, page colour settings and sign out.",
            ],
        ),
        step(
            "Sign in with your national ID and personal password",
            (
                "<p><b>Natural person:</b> enter your full national ID number, your personal "
                "password and the security code shown.</p>"
                "<p><b>Legal person</b> (a company, an organisation, a public or private body): "
                "also enter the legal person's national identifier; the national ID in this case "
                "is that of the authorised manager who registered in Sana on its behalf.</p>"
                "<p>Then click <b>Next</b>.</p>"
            ),
            notes=[
                "If the security code is hard to read, get another with the button beside it.",
                "Fields marked with a star are required.",
            ],
            warnings=[
                "Change the personal password you received by SMS from Sana after you first "
                "sign in."
            ],
        ),
        step(
            "Enter the temporary password",
            (
                "<p>Once your national ID and personal password are checked, the system creates "
                "a <b>temporary password</b> and sends it to your mobile. Enter it with the "
                "security code and click <b>Sign in</b>. This way, someone who learns your "
                "personal password still cannot sign in with it alone.</p>"
            ),
            notes=[
                "The temporary password is valid only until the time given in the SMS; until "
                "then the same one is accepted at every sign-in (the message “A temporary "
                "password has already been sent to you”).",
                "If you have forgotten it, enter the security code and click “Send the temporary "
                "password again”: a new one with a new expiry time is sent by SMS.",
            ],
        ),
        step(
            "Read your new notices",
            (
                "<p>On the home page, the <b>New notices</b> box holds the notices you have not "
                "read yet; their number is shown in red. Its table gives each notice's number "
                "and issue date. <b>Receive and view</b> shows the notice and its "
                "attachments.</p>"
            ),
            notes=[
                "The notice opens in a new browser window; if the browser asks whether to allow "
                "it, allow it.",
                "Once you have viewed a notice you can print its text and attachments from "
                "the browser.",
            ],
        ),
        warning(
            "<p><b>Viewing a notice is service.</b> Court papers reaching your account in the "
            "notice system count as served; the moment you view a notice is recorded in detail "
            "and has all the effects of actual service, and legal deadlines run from it.</p>"
        ),
        warning(
            "<p><b>Not visiting the system is refusing the papers.</b> Not going to the notice "
            "system counts as refusing to accept court papers (article 71 of the Code of Civil "
            "Procedure of the General and Revolutionary Courts), and the notice is treated as "
            "served. Check your messages and the system regularly.</p>"
        ),
        step(
            "See the notices you have already viewed",
            (
                "<p>The <b>Viewed notices</b> box lists the notices you have read, with the "
                "notice number, case number, issue date, subject, issuing branch, <b>time of "
                "first view</b> and <b>number of views</b>. <b>Receive</b> opens any of them "
                "again.</p>"
            ),
            notes=["Each later view only adds to the count; the time of first view never changes."],
        ),
        step(
            "Get a case's notices with the case password",
            (
                "<p>In the <b>Notices by case password</b> box, enter the 16-digit case number, "
                "the sub-row and the case password, and click <b>Check</b>. Every notice of that "
                "case that has reached the system, viewed or not, is listed.</p>"
            ),
            notes=[
                "The sub-row tells the stage at which the case was registered (first "
                "registration, registration in another judicial unit, re-entry); it is sent to "
                "you by SMS at each stage.",
                "Each party, lawyer and expert of a case has their own case password.",
            ],
        ),
        step(
            "Get one notice by its number",
            (
                "<p>In the <b>Notice by number</b> box, enter the notice number and its issue "
                "date, and click <b>Check</b>. Use this when you need one particular notice.</p>"
            ),
        ),
        step(
            "Change your password",
            (
                "<p>From the top bar of the notice system choose <b>Sana</b>, sign in with your "
                "national ID, personal password, security code and then the temporary password, "
                "and open <b>Change password</b>. Enter your user ID (your national ID), your "
                "current password, the new password and the new password again, and click "
                "<b>Change password</b>. The message “Your password has been changed” is shown "
                "and an SMS is sent to you.</p>"
            ),
            notes=[
                "Change your password from time to time. Choose one you can remember and others "
                "cannot guess.",
                "When you have changed it, sign out of Sana and sign in to the notice system "
                "with the new password.",
            ],
        ),
        step(
            "If you have forgotten your password",
            (
                "<p>On the sign-in page click <b>I have forgotten my password</b>; you are taken "
                "to Sana. Enter your national ID, your date of birth (type the year in full and "
                "pick the month and day from the lists), your birth certificate serial number "
                "(without its series), the mobile number you registered in Sana, your email "
                "address (if you registered one in Sana) and the security code, and click "
                "<b>Send activation code</b>.</p>"
                "<p>Enter the activation codes sent to your mobile and to your email on the "
                "<b>I have received the activation code</b> page and click <b>Get a new personal "
                "password</b>. The new personal password is sent to your mobile by SMS; change "
                "it at the first opportunity.</p>"
            ),
            notes=[
                "The SMS activation code and the email activation code are different; enter "
                "each in its own field.",
                "If no code arrives, click “I have not received the code” to ask again.",
            ],
            warnings=[
                "If you registered an email address in Sana, entering it and its activation "
                "code is required; otherwise no new password is issued and the message “The "
                "password is not valid” is shown."
            ],
        ),
    ],
}


# --- Seed 002 (Azerbaijani): the e-court personal cabinet -------------------------------------
# Azerbaijan's "Elektron Məhkəmə" personal cabinet for parties (Ministry of Justice, v2.0). It is
# published only in Azerbaijani, the language of the source, under the Azerbaijani guide index.
CABINET_SLUG = "elektron-sexsi-kabinet"

HOME_AZ = {
    "title": "Daftar: məhkəmə elektron xidmətləri ofisləri",
    "intro": (
        "<p>Bu bölmədə Azərbaycan dilində olan bələdçilər toplanır. Hazırda burada "
        "Azərbaycan Respublikası Ədliyyə Nazirliyinin «Elektron Məhkəmə» informasiya "
        "sistemində proses iştirakçısının elektron şəxsi kabinetindən istifadə qaydaları "
        "var.</p>"
    ),
}
GUIDE_INDEX_AZ = {
    "title": "Bələdçilər",
    "intro": "<p>Elektron məhkəmə xidmətlərindən addım-addım istifadə qaydaları.</p>",
}

CABINET_AZ = {
    "title": "«Elektron Məhkəmə»: proses iştirakçısının elektron şəxsi kabineti",
    "seo_title": "Elektron şəxsi kabinet: qeydiyyat, giriş, işlər və elektron müraciət",
    "search_description": (
        "Elektron şəxsi kabinetdə qeydiyyat (şəxsiyyət vəsiqəsi, ASAN İmza, e-İmza), giriş, "
        "məhkəmə işləri, sənəd təqdim etmə, məhkəməyə elektron müraciət və iclaslar."
    ),
    "summary": (
        "Azərbaycan Respublikası Ədliyyə Nazirliyinin «Elektron Məhkəmə» informasiya "
        "sistemində proses iştirakçısı öz məhkəmə işlərini, sənədlərini və iclaslarını izləyə, "
        "icraatda olan işə sənəd təqdim edə və məhkəməyə elektron müraciət edə bilər. Bu "
        "bələdçi qeydiyyatdan müraciətin imzalanmasına qədər bütün addımları izah edir."
    ),
    "audience": GuidePage.Audience.PARTIES,
    "steps": [
        step(
            "Şəxsi kabinetə keçin",
            (
                '<p><span dir="ltr">https://courts.gov.az/</span> «Vahid Məhkəmə Portalı»nda və '
                'ya <span dir="ltr">https://e-mehkeme.gov.az/</span> saytında '
                "<b>«E-MƏHKƏMƏ»</b> bölməsində <b>«Şəxsi kabinetə giriş»</b> keçidinin üzərinə "
                "basın.</p>"
            ),
        ),
        step(
            "Şəxsiyyət vəsiqəsi ilə qeydiyyatdan keçin",
            (
                "<p><b>«Qeydiyyatdan keç»</b> keçidinin üzərinə basın. Şəxsiyyət vəsiqəsinin "
                "seriyasını, nömrəsini və FİN-i daxil edərək <b>«YOXLA»</b> düyməsinə basın. "
                "Sonra istifadəçi adını, e-mail ünvanını və şifrəni (iki dəfə) daxil edərək "
                "<b>«TƏSDİQLƏ»</b> düyməsinə basın.</p>"
                "<p>Qeydiyyatda göstərdiyiniz e-mail ünvanına gələn «e-kabinetin elektron poçt "
                "ünvanının təsdiqlənməsi» məktubundakı keçidə daxil olun.</p>"
            ),
            warnings=[
                "Şəxsi kabinetə daxil olmaq üçün qeydiyyat təsdiq edilməlidir: xüsusi ərizəni "
                "doldurub şəxsiyyət vəsiqəsinin skan surəti ilə birlikdə info@courts.gov.az "
                "ünvanına göndərin və ya ASAN İmza ilə daxil olun."
            ],
        ),
        step(
            "ASAN İmza ilə qeydiyyatdan keçin",
            (
                "<p><b>«Qeydiyyatdan keç»</b> keçidində <b>«Asan İmza ilə»</b> seçin, mobil "
                "nömrəni və ASAN istifadəçi kodunu daxil edərək <b>«YOXLA»</b> düyməsinə basın. "
                "Telefonunuza gələn sorğunu təsdiqləyin və ASAN PIN 1 kodunu daxil edin. Sonra "
                "istifadəçi adını, e-mail ünvanını və şifrəni daxil edərək <b>«TƏSDİQLƏ»</b> "
                "düyməsinə basın.</p>"
            ),
            notes=[
                "ASAN İmza ilə qeydiyyat zamanı şəxsiyyəti ayrıca təsdiqləməyə ehtiyac yoxdur; "
                "qeydiyyat tamamlanan kimi sistemə daxil ola bilərsiniz."
            ],
        ),
        step(
            "e-İmza ilə qeydiyyatdan keçin",
            (
                "<p>«e-İmza» kartını və ya tokenini kompüterə taxın, <b>«Qeydiyyatdan keç»</b> "
                "keçidində <b>«Elektron İmza ilə»</b> seçin. İstifadəçi adını, e-mail ünvanını "
                "və şifrəni daxil edərək <b>«TƏSDİQLƏ»</b> düyməsinə basın.</p>"
            ),
            notes=[
                "Kartın/tokenin quraşdırılması qaydası ilə "
                '<span dir="ltr">http://e-imza.az</span> saytında tanış ola bilərsiniz. '
                "İmzalayıcı proqram quraşdırılmayıbsa, sistem onu yükləməyi xahiş edən "
                "xəbərdarlıq göstərir.",
                "e-İmza ilə qeydiyyat zamanı da şəxsiyyəti ayrıca təsdiqləməyə ehtiyac yoxdur.",
            ],
        ),
        step(
            "Şəxsi kabinetə daxil olun",
            (
                "<p>Üç üsuldan birini seçin: istifadəçi adı və şifrəni daxil edərək "
                "<b>«Daxil ol»</b> düyməsinə basın; ASAN İmza ilə mobil nömrəni "
                '(<span dir="ltr">+994…</span>) və istifadəçi kodunu daxil edərək '
                "<b>«YOXLA»</b> düyməsinə basın; və ya «e-İmza» kartının şəklinin üzərinə "
                "basın.</p>"
            ),
        ),
        step(
            "Şəxsi məlumatlarınızı tamamlayın",
            (
                "<p>Şəxsi kabinetə ilk dəfə daxil olduqda <b>«Şəxsi məlumatlar»</b> bölməsinə "
                "keçin, boş qalan məlumatları daxil edin və <b>«Yadda saxla»</b> düyməsinə "
                "basın.</p>"
            ),
            notes=[
                "Şifrəni dəyişmək üçün «Şifrəni dəyiş» bölməsində yeni şifrəni iki dəfə daxil "
                "edib «Dəyişikliyi yadda saxla» düyməsinə basın."
            ],
        ),
        step(
            "Məhkəmə işlərinizə baxın",
            (
                "<p><b>«Məhkəmə işlərim»</b> bölməsində iştirak etdiyiniz işlər göstərilir: işin "
                "nömrəsi, daxil olma tarixi, işin və icraatın növü, məhkəmə, hakim, işin "
                "vəziyyəti və işdə rolunuz. <b>«AXTARIŞ»</b> düyməsi ilə məhkəməyə, hakimə, işin "
                "nömrəsinə, vəziyyətinə və növünə görə axtarış edə bilərsiniz.</p>"
                "<p>İşin ətraflı məlumatında iş üzrə sənədləri PDF, məhkəmə aktlarını isə PDF və "
                "EDOC (elektron imza ilə imzalanmış fayl) şəklində endirə bilərsiniz.</p>"
            ),
        ),
        step(
            "İcraatda olan işə sənəd təqdim edin",
            (
                "<p>İşin səhifəsində sənədin növünü seçin (vəsatət, arayış və s.), göndəriləcək "
                "faylı seçin, elektron imza növünü seçin və <b>«İmzala və Əlavə et»</b> "
                "düyməsinə basın. ASAN İmza seçdikdə telefona gələn sorğunu ASAN PIN 2 kodu ilə "
                "təsdiqləyin.</p>"
            ),
            warnings=["Yalnız PDF, JPG, ADOC və EDOC formatında olan sənəd göndərilə bilər."],
        ),
        step(
            "Yeni müraciət: məhkəməni və ərizə növünü seçin",
            (
                "<p><b>«Yeni ərizə»</b> bölməsində məhkəməni, ərizə növünü (iddia ərizəsi, "
                "kiçik mübahisələr üzrə iddia ərizəsi, inzibati və ya iqtisadi mübahisələr üzrə "
                "iddia ərizəsi, məhkəmə əmri haqqında ərizə), işin kateqoriyasını və alt "
                "kateqoriyasını seçin. Sonra <b>«İrəli»</b> və ya <b>«Yadda saxla»</b> "
                "düyməsinə basın.</p>"
            ),
            notes=["Hər addımda «Yadda saxla» ilə qaralamanı saxlayıb sonra davam edə bilərsiniz."],
        ),
        step(
            "Tərəfləri əlavə edin",
            (
                "<p>Tərəf növünü (kreditor, iddiaçı, borclu, cavabdeh, vəkil və s.) və şəxs "
                "növünü (fiziki şəxs, hüquqi şəxs və ya «Özüm») seçin, <b>«Əlavə et»</b> "
                "düyməsinə basın. Bütün tərəflər daxil edilənədək bunu təkrarlayın, sonra "
                "<b>«İrəli»</b> düyməsinə basın.</p>"
            ),
            notes=[
                "Fiziki şəxs üçün şəxsiyyət vəsiqəsinin seriya və nömrəsini, adı və soyadı "
                "vəsiqədə olduğu kimi dəqiq yazın; hüquqi şəxs üçün VÖEN-i düzgün daxil edin.",
                "Borclu və ya zamin üçün əlavə olaraq müqavilənin imzalanma və bitmə tarixini, "
                "öhdəliyin predmetini və müqavilənin nömrəsini daxil edin.",
                "Özünüz işdə iddiaçı, nümayəndə, vəkil və s. qismində iştirak edirsinizsə, "
                "tərəf növünü seçib şəxs növündə «Özüm» seçin.",
            ],
        ),
        step(
            "Sənədləri əlavə edin",
            (
                "<p>Sənədin növünü (müqavilə, arayış, etibarnamə və s.) və faylı seçin, "
                "<b>«Əlavə et»</b> düyməsinə basın. Bütün sənədlər daxil edilənədək "
                "təkrarlayın, sonra <b>«İrəli»</b> düyməsinə basın.</p>"
            ),
            warnings=["Yalnız PDF, JPG, ADOC və EDOC formatında olan sənəd qəbul edilir."],
        ),
        step(
            "Ərizənin başlığını və mətnini yazın",
            (
                "<p>Ərizənin başlığını və mətnini daxil edin, sonra <b>«İrəli»</b> düyməsinə "
                "basın.</p>"
            ),
        ),
        step(
            "Məhkəmə rüsumunu ödəyin",
            (
                "<p>Ödəniş üsulunu seçin və <b>«Təsdiqlə»</b> düyməsinə basın:</p>"
                "<ul><li><b>Onlayn ödə</b>: rüsumu seçin, bank kartının ilk 6 rəqəmini daxil "
                "edib ödənişi tamamlayın;</li>"
                "<li><b>Artıq ödənilib</b>: «Hökumət Ödəniş Portalı», «ExpressPay» terminalları "
                "və ya bank vasitəsilə ödənilmiş rüsumun 9 rəqəmli qəbz nömrəsini daxil edin;</li>"
                "<li><b>Rüsumdan azad</b>: azad olma səbəbini seçin və onu sübut edən sənədin "
                "skan surətini əlavə edin.</li></ul>"
            ),
        ),
        step(
            "Ərizəni imzalayın",
            (
                "<p>Hüquq və vəzifələrinizi izah edən bəndləri qeyd edin, elektron imza növünü "
                "seçin və <b>«İmzala»</b> düyməsinə basın. ASAN İmza seçdikdə telefona gələn "
                "sorğunu ASAN PIN 2 kodu ilə təsdiqləyin.</p>"
            ),
        ),
        note(
            "<p>Ərizənin beş statusu var: <b>Qaralama</b> (hazırlanır), <b>Təsdiqlənmiş</b> "
            "(elektron imzaya hazırdır), <b>Göndərilmiş</b> (imzalanıb), <b>İmtina edilmiş</b> "
            "(məhkəmə prosessual tələblərə görə geri qaytarıb) və <b>Qəbul edilmiş</b>.</p>"
            "<p>Ərizə geri qaytarıldıqda rüsumun ödənilməsini təsdiq edən qəbz yenidən istifadə "
            "oluna bilər. Qaytarmanın səbəbini görmək üçün ərizənin sətrində «Baxış» düyməsinə "
            "basın.</p>"
        ),
        step(
            "İclaslarınızı izləyin",
            (
                "<p><b>«İclaslarım»</b> bölməsində işləriniz üzrə təyin edilmiş məhkəmə "
                "iclasları göstərilir: işin nömrəsi, iclasın növü, tarixi və vaxtı, yeri, "
                "hakim, işdə rolunuz və iclasın nəticəsi. Məhkəməyə, hakimə, işə, iclas növünə "
                "və tarix aralığına görə axtarış edə bilərsiniz.</p>"
            ),
        ),
    ],
}
