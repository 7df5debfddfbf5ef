"""The words the framing stage reads: parties, reporting verbs, tone, initiative, length.

Data for :mod:`readout_diff.framing`, kept apart from its rules: who the parties are
(leaders' surnames in English and as Russian stems, countries' names, adjectives and
metonyms), the reporting verbs and constructions of each act (keyed by the act's
value, as in ``eval/ACTS.md``), and the patterns for the talks' tone, the call's
initiator and its length. Regular expressions, English and Russian side by side.

About 600 lines, nearly all of them one pattern each: a lexicon reads best as one list per
act, and splitting it by language would part the English and Russian forms of one verb.
"""

from __future__ import annotations

import re

# --- The lexicon -------------------------------------------------------------------
#
# Each party is a set of patterns: its leaders' surnames (English, and Russian stems
# that take any case ending) and its country's names, adjectives and metonyms.

LEADERS: dict[str, tuple[str, ...]] = {
    "ru": ("Putin", "Путин", "Medvedev", "Медведев", "Mishustin", "Мишустин"),
    "us": ("Biden", "Байден", "Trump", "Трамп", "Obama", "Обам"),
    "cn": (r"Xi(?: Jinping)?", "Си Цзиньпин", "Li Qiang", "Ли Цян", "Li Keqiang"),
    "fr": ("Macron", "Макрон"),
    "de": ("Scholz", "Шольц", "Merkel", "Меркель", "Merz", "Мерц", "Steinmeier"),
    "tr": ("Erdo[gğ]an", "Эрдоган"),
    "in": ("Modi", "Моди"),
    "il": ("Netanyahu", "Нетаньяху", "Bennett", "Беннет", "Lapid", "Лапид", "Herzog"),
    "ua": ("Zelensk(?:yy|y|iy|i)", "Зеленск"),
    "by": ("Lukashenko", "Лукашенко"),
    "gb": ("Starmer", "Стармер", "Sunak", "Сунак", "Johnson", "Джонсон"),
    "it": ("Meloni", "Мелони", "Draghi", "Драги"),
    "eu": ("Michel", "Мишел", "von der Leyen", "фон дер Ляйен", "Costa", "Кошта"),
    "jp": ("Kishida", "Кисида", "Ishiba", "Исиба", "Suga", "Суга"),
    "kr": (
        "Moon Jae-in",
        "(?<=President )Moon",
        "Мун Чжэ Ин",
        "Yoon Suk Yeol",
        "(?<=President )Yoon",
        "Юн Сок Ёль",
        "Lee Jae-myung",
        "Ли Чжэ Мён",
    ),
    "br": ("Lula", "Лула"),
    "ir": ("Pezeshkian", "Пезешкиан", "Raisi", "Раиси", "Rouhani", "Роухани"),
    "kz": ("Tokayev", "Токаев"),
    "sa": ("bin Salman", "бен Сальман"),
    "ae": ("bin Zayed", "бен Заид"),
    "eg": ("Sisi", "Сиси"),
    "hu": ("Orb[aá]n", "Орбан"),
    "za": ("Ramaphosa", "Рамафос"),
}
COUNTRIES: dict[str, tuple[str, ...]] = {
    "ru": (
        "Russia",
        "Russian",
        "Moscow",
        "Kremlin",
        "Росси",
        "российск",
        "Российск",
        "Москв",
        "РФ",
    ),
    "us": (
        "United States",
        "U\\.S\\.",
        "US",
        "USA",
        "America",
        "American",
        "Washington",
        "White House",
        "США",
        "Соединённых Штатов",
        "Соединенных Штатов",
        "Соединённые Штаты",
        "Соединенные Штаты",
        "американск",
        "Американск",
        "Вашингтон",
    ),
    "cn": ("China", "Chinese", "PRC", "Beijing", "Кита", "китайск", "Китайск", "КНР", "Пекин"),
    "fr": ("France", "French", "Paris", "Élysée", "Франци", "французск", "Французск", "Париж"),
    "de": (
        "Germany",
        "German",
        "Federal Chancellor",
        "Federal Government",
        "Berlin",
        "Германи",
        "германск",
        "Германск",
        "немецк",
        "ФРГ",
        "Федеральн\\w* канцлер",
        "Берлин",
    ),
    "tr": ("Turkey", "Türkiye", "Turkish", "Ankara", "Турци", "турецк", "Турецк", "Анкар"),
    "in": ("India", "Indian", "New Delhi", "Инди", "индийск", "Индийск", "Нью-Дели"),
    "il": ("Israel", "Israeli", "Jerusalem", "Израил", "израильск", "Израильск"),
    "ua": ("Ukraine", "Ukrainian", "Kyiv", "Kiev", "Украин", "украинск", "Киев"),
    "by": ("Belarus", "Belarusian", "Minsk", "Белорусси", "Беларус", "белорусск"),
    "gb": ("United Kingdom", "UK", "Britain", "British", "London", "Великобритани", "британск"),
    "it": ("Italy", "Italian", "Rome", "Итали", "итальянск"),
    "eu": ("European Union", "EU", "European Council", "European Commission", "Евросоюз", "ЕС"),
    "jp": ("Japan", "Japanese", "Tokyo", "Япони", "японск"),
    "kr": (
        "(?<!North )Korea(?!n Peninsula)",
        "(?<!North )Korean(?! Peninsula)",
        "ROK",
        "Seoul",
        "Республик\\w* Коре",
        "Сеул",
    ),
    "ir": ("Iran", "Iranian", "Tehran", "Иран", "иранск", "Тегеран"),
    "nato": ("NATO", "НАТО", "North Atlantic Alliance", "Североатлантическ"),
}
# A leader's title alone stands for the readout's own leader ("The Chancellor condemned")
# unless the readout gives that title to the other leader ("Prime Minister Bennett ...
# the President" in Jerusalem's account: the President is Putin).
OWN_TITLES = re.compile(
    r"\b(?:[Tt]he (?:Federal )?(?:President|Chancellor|Prime Minister|Premier|Head of State)"
    r"|Президент|Глава государства|Канцлер|Премьер-министр|Председатель)\b"
)
TITLE = re.compile(
    r"(?<![\w-])(?<!Vice )(?<!Вице-)"
    r"(?:(?:Federal )?Chancellor(?!s)|Prime Minister(?!s)|Premier(?!s)"
    r"|President(?!s|ial)|Head of State|Head of Government"
    r"|Президент(?:а|у|ом|е)?(?!\w)|Премьер-министр(?:а|у|ом|е)?(?!\w)"
    r"|(?:Федеральн\w+ )?[Кк]анцлер(?:а|у|ом|е)?(?!\w)|Председател(?:ь|я|ю|ем|е)(?!\w)"
    r"|[Гг]лав[аыеуой]{1,2} (?:государства|правительства))"
)
# Which office a title names, whatever its case or wording.
TITLE_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chancellor", re.compile(r"chancellor|канцлер", re.IGNORECASE)),
    ("prime minister", re.compile(r"prime minister|premier|премьер", re.IGNORECASE)),
    ("head of state", re.compile(r"head of state|глав\w* государства", re.IGNORECASE)),
    ("head of government", re.compile(r"head of government|глав\w* правительства", re.I)),
    ("president", re.compile(r"president|президент", re.IGNORECASE)),
    ("chairman", re.compile(r"председател", re.IGNORECASE)),
)
# Titles that always mean the readout's own leader when bare ("The Head of State thanked").
OWN_ONLY_TITLES = frozenset({"head of state"})
# The office of the leader who makes a country's calls, for a readout that never names its
# leader's title ("Vladimir Putin had a conversation with Prime Minister Modi").
OFFICES: dict[str, str] = {
    "ru": "president",
    "us": "president",
    "cn": "president",
    "fr": "president",
    "de": "chancellor",
    "tr": "president",
    "in": "prime minister",
    "il": "prime minister",
    "ua": "president",
    "by": "president",
    "gb": "prime minister",
    "it": "prime minister",
    "jp": "prime minister",
    "br": "president",
    "ir": "president",
    "kz": "president",
    "eg": "president",
    "hu": "prime minister",
    "za": "president",
    "kr": "president",
}
BOTH_SIDES = re.compile(
    r"\b(?:[Tt]he (?:two |both )?(?:leaders|[Pp]residents|sides|heads of state|heads of government"
    r"|parties|interlocutors|two)|[Bb]oth (?:leaders|presidents|sides|heads of state)"
    r"|[Tt]wo (?:leaders|presidents|sides)|[Tt]hey|[Ww]e|[Uu]s both|[Tt]he two countries"
    r"|(?:[Tt]echnical|[Ww]orking|[Nn]egotiating|[Ee]xpert|[Rr]espective|[Bb]oth) teams"
    r"|(?<!ой )(?<!ей )[Сс]тороны|[Пп]резиденты|[Лл]идеры|[Гг]лавы (?:государств|правительств)"
    r"|[Сс]обеседники|[Рр]уководители|[Оо]ни|[Мм]ы|[Оо]ба (?:лидера|президента))\b"
)
THIRD_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Оо]н|[Оо]на|[Ее]го|[Ее]ё|[Ее]е)\b")
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Яя])\b")
LATTER = re.compile(r"\b(?:the latter|последн\w+)\b", re.IGNORECASE)
CALL_NOUN = re.compile(
    r"\b(?:conversation|call|talks|exchange|discussion|meeting|dialogue"
    r"|[Рр]азговор\w*|[Бб]есед\w*|[Пп]ереговор\w*|[Оо]бмен\w* мнениями|[Дд]иалог\w*)\b",
    re.IGNORECASE,
)

# Reporting verbs and constructions, by act. The first one in a sentence is its main
# clause; a longer match starting at the same place wins ("raised ... concerns" over
# "raised"). Russian stems take any ending (договорились, договорился).
GAP = r"(?:[\w'’]+,?[ -]){0,3}"  # up to three words in between ("season's", "positive,")
# An object named before the thing shared or given ("shared with President Trump his
# frustration", "gave President Zelenskyy a full briefing").
WITH = r"(?:(?:with |to )?(?:(?:the |his |her )?(?-i:[A-Z])[\w.'’-]*[ ,]+){1,4})?"
CUES: dict[str, tuple[str, ...]] = {
    "agree": (
        r"agree[ds]?",
        r"decided",
        r"reached (?:an? |the )?" + GAP + r"(?:agreement|understanding|consensus|deal)",
        r"came to (?:an )?(?:agreement|understanding)",
        r"concurred",
        r"supported (?:the|this|that|his|her|a|an) "
        + GAP
        + r"(?:idea|proposal|initiative|call|step)",
        r"backed",
        r"endorsed",
        r"accepted " + GAP + r"(?:proposal|invitation|offer)",
        # Support voiced for the other's steps is agreement ("Putin supported the idea"); a
        # reaffirmed support is a position restated (inform: "reaffirmed" comes first).
        r"(?:expressed|voiced|declared|conveyed|extended) " + GAP + r"support",
        # A commitment or view the two hold in common, however it is put.
        r"(?:expressed|voiced|confirmed|reaffirmed|reiterated|declared|stated) "
        + GAP
        + r"(?:shared|mutual|common|joint) (?:commitment|intention|interest|desire|determination"
        r"|readiness|resolve|view|position)",
        r"shared (?:the|a|their) (?:\w+ )?(?:view|opinion|understanding|assessment)",
        r"were of the (?:same |shared |common )?(?:view|opinion)",
        r"coordinated (?:their |the )?(?:\w+ )?(?:positions?|approaches|steps|efforts)",
        r"(?:instructed|tasked|directed|charged|asked) their " + GAP + r"(?:teams?|officials"
        r"|ministers|aides|advisers|advisors|representatives|delegations|negotiators|staffs?)",
        r"undert(?:ook|akes) to",
        r"promised to",
        r"pledged to",
        r"consented",
        r"договорил\w*",
        r"условил\w*",
        r"согласил\w*",
        r"согласовал\w*",
        r"договорено",
        r"условлено",
        r"достигнут\w* договор[её]нност\w*",
        r"достигли " + GAP + r"договор[её]нност\w*",
        r"поддержал\w*",
        r"решили",
        r"решено",
        r"приняли решение",
        r"согласован[оаы]?",
        r"скоординировал\w*",
        r"поручили",
        r"выразил\w* " + GAP + r"(?:поддержк)\w*",
        # "настрой" is the stock word for an intention the two sides share.
        r"(?:выразил\w*|выражен\w*|подтвердил\w*|подтвержд[её]н\w*) " + GAP + r"настро\w*",
    ),
    "discuss": (
        r"discuss(?:ed|es|ing)?",
        r"exchanged (?:views|opinions)",
        r"(?:had|held) (?:an? |their )?" + GAP + r"exchange",
        r"exchange of (?:views|opinions)",
        r"reviewed",
        r"talked(?: about)?",
        r"touched (?:up)?on",
        r"went over",
        r"covered",
        r"examined",
        r"considered (?:the |possibilities|issues|ways|prospects)",
        r"addressed",
        r"spoke(?! in favou?r)(?:,? [\w']+){0,6},? (?:with|about|of)",
        r"spoke by (?:tele)?phone",
        r"(?:had |has |have )?spoken (?:by (?:tele)?phone )?(?:with|to)",
        r"speaks? (?:by (?:tele)?phone )?with",
        r"(?:had|held|have|has|conducted) (?:an? |their )?(?:[\w'’]+,?[ -]){0,5}"
        r"(?:conversations?|calls?|talks?|discussions?|exchanges?|dialogues?|video ?conference"
        r"|video call)",
        r"(?:took|received|made|finished) (?:an? )?" + GAP + r"call",
        r"raised",
        r"took stock",
        # The call or the leaders as the subject of what was covered ("The call focused on").
        r"focus(?:ed|sed|es)? (?:\w+ ){0,2}?on",
        r"cent(?:er|re)d (?:on|around)",
        r"concentrated on",
        r"dealt with",
        r"(?:took|taken) up",
        r"paid (?:\w+ )?attention to",
        r"(?:main|central|key|principal|chief) (?:topics?|subjects?|focus|themes?) of "
        r"(?:the|their|today's) (?:\w+ )?(?:conversation|call|talks|discussion)",
        r"focus of (?:the|their|today's) (?:\w+ )?(?:conversation|call|talks|discussion)",
        # "X phoned Y", "X called President Y": the call itself, with its initiator as subject.
        r"(?:tele)?phoned",
        r"rang",
        r"call(?:ed|s)(?= (?-i:[A-Z]))",
        r"call(?:ed|s) (?:his|her) (?:\w+ )?counterpart",
        r"позвонил\w*",
        r"looked (?:back|at)",
        r"went through",
        r"обсудил\w*",
        r"обсужд\w*",
        r"обменял\w* мнениями",
        r"обмен\w* мнениями",
        r"затронул\w*",
        r"затронут\w*",
        r"затрагивал\w*",
        r"коснул\w*",
        r"рассмотрел\w*",
        r"рассмотрен\w*",
        r"речь шла",
        r"шла речь",
        r"в центре внимания",
        r"(?:уделил\w*|уделено|уделялось) " + GAP + r"внимани\w*",
        r"внимание (?:было )?уделено",
        r"состоял\w* " + GAP + r"обмен\w* мнениями",
        r"провел\w* " + GAP + r"разговор",
        r"провёл\w* " + GAP + r"разговор",
        r"состоял\w* " + GAP + r"разговор",
        r"поговорил\w*",
    ),
    "demand": (
        r"call(?:ed|s) (?:on|for|upon)",
        r"urg(?:ed|es)",
        r"insist(?:ed|s)",
        r"press(?:ed|es) (?:for|" + GAP + r"to)",
        r"press(?:ed|es)(?= (?:the )?(?-i:[A-Z]))",
        r"(?:presented|made|conveyed|submitted|put forward|passed on|relayed) "
        + WITH
        + GAP
        + r"request",
        r"обратил\w* с " + GAP + r"просьб\w*",
        r"demand(?:ed|s)",
        r"asked (?:" + GAP + r")?to",
        r"appeal(?:ed|s)",
        r"request(?:ed|s)",
        r"призвал\w*",
        r"призыв\w*",
        r"потребовал\w*",
        r"настаивал\w*",
        r"настоял\w*",
        r"попросил\w*",
        r"encourag(?:ed|es) " + GAP + r"to",
        r"выступил\w* за",
    ),
    "warn": (
        r"warn(?:ed|s)",
        r"caution(?:ed|s)",
        r"made (?:it )?clear",
        r"threaten(?:ed|s)",
        r"предупредил\w*",
        r"предостер[её]г\w*",
        r"предостерегл\w*",
    ),
    "concern": (
        r"(?:expressed|voiced|raised|reiterated|conveyed|pressed|shared|underscored) "
        + WITH
        + GAP
        + r"(?:concerns?|alarm|dismay|disappointment|regret|objections?|frustration|anger"
        r"|indignation|displeasure|worry|worries)",
        r"discussed (?:their|the) (?:shared |mutual |common |deep |serious |grave )?concerns?"
        r" (?:about|over|regarding|at|on)",
        r"raised " + GAP + r"(?:matters|issues|questions) of concern",
        r"condemn(?:ed|s)",
        r"criticis(?:ed|es)",
        r"criticiz(?:ed|es)",
        r"deplor(?:ed|es)",
        r"protested",
        r"(?:выразил\w*|выражен\w*) "
        + GAP
        + r"(?:обеспокоенност|озабоченност|тревог|возмущени|сожалени)\w*",
        r"осудил\w*",
        r"осуждени\w*",
        r"обеспокоенност\w*",
        r"озабоченност\w*",
    ),
    "welcome": (
        r"welcom(?:ed|es)",
        r"congratulat(?:ed|es)",
        r"thank(?:ed|s)?",
        r"prais(?:ed|es)",
        r"commend(?:ed|s)",
        r"(?:noted|stated) with satisfaction",
        r"(?:expressed|conveyed|extended|voiced|sent|offered|passed on|exchanged) "
        + WITH
        + GAP
        + r"(?:condolences|satisfaction|gratitude|appreciation|sympathy|thanks|congratulations"
        r"|greetings|(?:good |best |warm |warmest )?wishes)",
        r"(?:expressed|conveyed|voiced) (?:his |her |their )?(?:good |best |warm )?wish(?:es)? "
        r"(?:that|for)",
        r"appreciat(?:ed|es)",
        r"(?:was|were|is|are) (?:\w+ )?(?:grateful|thankful)",
        r"accepted " + GAP + r"apolog(?:y|ies)",
        r"wished",
        r"пожелал\w*",
        r"поздравил\w*",
        r"приветствовал\w*",
        r"поблагодарил\w*",
        r"благодарил\w*",
        r"(?:выразил\w*|выражен\w*|направил\w*|передал\w*) "
        + GAP
        + r"(?:соболезновани|удовлетворени|признательност|благодарност|поздравлени)\w*",
        r"обменял\w* " + GAP + r"поздравлени\w*",
        r"с удовлетворением",
        r"высоко оценил\w*",
        # Praise put as an assessment ("gave a positive assessment", "дана высокая оценка").
        r"gave (?:a |an )?(?:very )?(?:positive|high|favou?rable) assessment",
        r"(?:дал\w*|дана|дано) (?:\w+ )?(?:высок|положительн)\w* оценк\w*",
        r"(?:высок|положительн)\w* оценк\w* (?:была |было )?(?:дана|дано)",
    ),
    "inform": (
        r"inform(?:ed|s)",
        r"brief(?:ed|s)",
        r"shared " + WITH + GAP + r"(?:assessments?|views|information|perspectives?|thoughts"
        r"|details|analysis|impressions|outcomes?|results)",
        r"gave " + WITH + GAP + r"(?:briefing|information|assessments?|assurances?|update"
        r"|account|overview|details|explanation)",
        r"made known",
        r"added",
        r"drew " + GAP + r"attention",
        r"explain(?:ed|s)",
        r"stress(?:ed|es)",
        r"underlin(?:ed|es)",
        r"underscor(?:ed|es)",
        r"emphasi[sz](?:ed|es)",
        r"noted",
        r"point(?:ed|s) (?:out|to)",
        r"reaffirm(?:ed|s)",
        r"reiterat(?:ed|es)",
        r"recall(?:ed|s)",
        r"restat(?:ed|es)",
        r"said",
        r"says",
        r"stated",
        r"told",
        r"affirm(?:ed|s)",
        r"confirm(?:ed|s)",
        r"set out",
        r"outlin(?:ed|es)",
        r"elaborat(?:ed|es)",
        r"highlight(?:ed|s)",
        r"convey(?:ed|s)",
        r"assur(?:ed|es)",
        r"observed",
        r"laid out",
        r"presented",
        r"expressed " + GAP + r"(?:readiness|willingness|hope|confidence|position|views?"
        r"|commitment)",
        r"hoped",
        r"in (?:his|her) (?:view|words)",
        r"according to (?:him|her)",
        r"проинформировал\w*",
        r"информировал\w*",
        r"подч[её]ркн\w*",
        r"обратил\w* внимание",
        r"дал\w* (?:оценку|оценки)",
        r"acknowledg(?:ed|es)",
        r"argued",
        r"updated",
        r"described",
        r"отметил\w*",
        r"отмечен\w*",
        r"констатирован\w*",
        r"заявлено",
        r"указано",
        r"обращено " + GAP + r"внимание",
        r"выражен\w* " + GAP + r"(?:готовност|надежд|уверенност)\w*",
        r"изложил\w*",
        r"указал\w*",
        r"подтвердил\w*",
        r"подтвержд[её]н\w*",
        r"заявил\w*",
        r"добавил\w*",
        r"сказал\w*",
        r"сообщил\w*",
        r"рассказал\w*",
        r"констатировал\w*",
        r"напомнил\w*",
        r"высказал\w*",
        r"дал\w* заверени\w*",
        r"заверил\w*",
        r"разъяснил\w*",
        r"акцентировал\w*",
        r"обозначил\w*",
        r"охарактеризовал\w*",
        r"выразил\w* " + GAP + r"(?:готовност|надежд|уверенност)\w*",
        r"по (?:его|её|ее) (?:словам|мнению|оценке)",
        r"поделил\w*",
    ),
    "other": (
        r"invit(?:ed|es)",
        r"look(?:s|ed)? forward to " + GAP + r"(?:visit|visiting|meeting|welcoming|seeing)",
        r"(?:ждёт|ждет|ожидает) " + GAP + r"визит\w*",
        r"(?:extended|issued) (?:an? )?" + GAP + r"invitation",
        r"(?:regarded|considered|described|called|characteri[sz]ed) (?:the|their|this) "
        r"(?:call|conversation|talks|exchange|discussion)",
        r"lasted",
        r"пригласил\w*",
        r"носил\w* " + GAP + r"характер",
        r"длил\w*",
        r"продолжал\w* " + GAP + r"(?:час|минут)\w*",
    ),
}
# Nouns that report an act inside another clause ("notes formalising the agreement to
# extend"): they count for a topic's acts, never as a sentence's main act.
NOMINAL_CUES: dict[str, tuple[str, ...]] = {
    "agree": (
        r"(?:the|an|a|their) agreement (?:to|on)",
        r"договор[её]нност\w* (?:о|об)",
        r"understanding (?:to|on)",
    ),
}
# A past participle after one of these is passive ("were discussed", "was agreed").
PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|be|being)(?:\s+(?:\w+ly|also|not|further|again|then))*\s*$",
    re.IGNORECASE,
)
# Russian cue forms that are passive or impersonal: no subject, both sides.
RU_PASSIVE = re.compile(
    r"^(?:обсужд[её]н|обсуждал(?:ись|ось|ся|ась)|обсуждае|затронут|затрагивал|рассмотрен|отмечен"
    r"|подч[её]ркнут|выражен|высказан|обращено|подтвержд[её]н|констатирован|заявлено|указано"
    r"|решено|согласован|уделено|уделялось|внимание|в центре внимания|дана|дано"
    r"|(?:высок|положительн)\w* оценк"
    r"|договорено|условлено|достигнут|речь шла|шла речь|было)",
    re.IGNORECASE,
)
# Words that open a subordinate clause: a verb after them is not the main one.
SUBORDINATE = re.compile(
    r"(?:\b(?:that|which|who|whom|whose|if|when|whether|because|since|as if)\b"
    r"|,\s*(?:что|который|которая|которое|которые|которым|которой|если|когда|чтобы)\b)",
    re.IGNORECASE,
)
# A sentence whose subject is the call itself ("The conversation lasted an hour").
CALL_SUBJECT = re.compile(
    r"\W*(?:(?:The|This|Their|Today's) (?:\w+ ){0,2}(?:conversation|call|talks|exchange)\b"
    r"|It\b|(?:Телефонный )?(?:[Рр]азговор|[Бб]еседа)\b)"
)
CLAUSE_BREAK = re.compile(
    r"(?:[;:]|, (?:and|but|while|whereas|а|но|и)\b|\bthat\b|, что\b|, который)"
)
MODAL = re.compile(r"\b(?:should|must|needs? to|ought to|должн\w*|следует|необходимо)\b")
# Verbs that report words without saying what kind of statement they are.
SPEECH = re.compile(r"said|says|stated|added|told|заявил\w*|сказал\w*|добавил\w*", re.IGNORECASE)
# What makes reported words a demand ("said he expects the request to be met").
DEMAND_CONTENT = re.compile(
    r"\b(?:should|must|needs? to|ought to|expects?|time has (?:\w+ ){0,2}come|high time"
    r"|должн\w*|следует|необходимо|настало время|пора)\b",
    re.IGNORECASE,
)

# Words for the talks ("The conversation was frank and businesslike").
# Verbatim, with the word that grades it ("very substantive", "весьма полезный").
TONE_WORDS = re.compile(
    r"\b(?:(?:very|highly|extremely|particularly|especially|truly|really|most|quite|очень|весьма"
    r"|крайне|особо|исключительно)\s+)?"
    r"(?:businesslike|business-like|frank|candid|constructive|in-depth|substantive|productive"
    r"|detailed|thorough|friendly|warm|cordial|positive|useful|meaningful|respectful"
    r"|pragmatic|professional|comprehensive|sincere|good|excellent|fantastic|wonderful"
    r"|fruitful|amicable"
    r"|деловой|делового|деловом|откровенн\w+|конструктивн\w+|содержательн\w+|подробн\w+"
    r"|обстоятельн\w+|дружеск\w+|дружественн\w+|доверительн\w+|продуктивн\w+|полезн\w+"
    r"|насыщенн\w+|т[её]пл\w+|плодотворн\w+"
    r"|углубл[её]нн\w+|прям\w+(?!\s+переговор)|детальн\w+|предметн\w+|заинтересованн\w+|уважительн\w+)\b",
    re.IGNORECASE,
)
TONE_NOUN = re.compile(
    r"\b(?:conversation|call|talks|exchange|discussion|dialogue|характер\w*|разговор\w*"
    r"|бесед\w*|обмен\w*|переговор\w*|диалог\w*|ключе)\b",
    re.IGNORECASE,
)

INITIATIVE = re.compile(
    r"(?:at the (?:initiative|request) of (?P<en_of>[^,.;]{1,60})"
    r"|at (?P<en_poss>[^,.;]{1,40}?)(?:'s|’s) (?:initiative|request)"
    r"|at (?P<en_my>my|our) (?:initiative|request)"
    r"|по (?:инициативе|просьбе) (?P<ru>[^,.;]{1,60}))",
    re.IGNORECASE,
)
CALLED_BY = re.compile(
    r"(?:took|received|accepted) (?:a |the )?(?:telephone |phone )?call from"
    r" (?P<other>[^,.;]{1,60})",
    re.IGNORECASE,
)
# "X phoned Y", "X called President Y", "Д.Трамп позвонил В.Путину": X placed the call.
CALLER = re.compile(
    r"(?<![\w-])(?:(?:tele)?phoned|rang|called|calls|phones|позвонил\w*)"
    r"(?=\s+(?:(?-i:[A-ZА-ЯЁ])|his\s+(?:\w+\s+)?counterpart|this\s+(?:morning|afternoon|evening)"
    r"|today|earlier))",
    re.IGNORECASE,
)
NUMBER = (
    r"(?:an?|one|two|three|four|five|six|\d+(?:[.,]\d+)?|one and a half|two and a half"
    r"|half an?|an? hour and a half|ten|fifteen|twenty|thirty|forty|forty-five|fifty|ninety)"
)
DURATION = re.compile(
    r"(?P<en>(?:an? )?(?:hour|two-hour|half-hour|\d+-minute)-long"
    r"|(?:(?:about|around|approximately|almost|nearly|more than|over|some|just over"
    r"|less than|roughly|just under|under|well over) )?" + NUMBER + r"[ -](?:hours?|minutes?)"
    r"(?: and (?:a half|\d+ minutes))?)"
    r"|(?P<ru>(?:(?:около|почти|более|свыше|примерно|порядка|менее|больше|чуть более|немногим более"
    r"|без малого) )?(?:полтора часа|полутора часов|получаса|полчаса|часа|часов|час"
    r"|\d+ (?:час\w*|минут\w*)|(?:два|двух|тр[её]х) с половиной час\w*"
    r"|(?:двадцат|тридцат|сорок|пятидесят|пятьдесят)\w* минут\w*"
    r"|(?:одного|двух|тр[её]х|четыр[её]х|пяти) час\w*|(?:два|три|четыре|пять) часа))",
    re.IGNORECASE,
)
DURATION_CONTEXT = re.compile(
    r"\b(?:last(?:ed|ing)?|long|длил\w*|продолжал\w*|продолжительност\w*|conversation|call"
    r"|talks?|spoke|spoken|разговор\w*|бесед\w*)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
