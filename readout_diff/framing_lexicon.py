"""The words the framing stage reads: parties, reporting verbs, tone, initiative, length.

Data for :mod:`readout_diff.framing`, kept apart from its rules: who the parties are
(leaders' surnames in English and as Russian stems, countries' names, adjectives and
metonyms), the reporting verbs and constructions of each act (keyed by the act's
value, as in ``eval/ACTS.md``), and the patterns for the talks' tone, the call's
initiator and its length. Regular expressions, English and Russian side by side.
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
    "ir": ("Iran", "Iranian", "Tehran", "Иран", "иранск", "Тегеран"),
    "nato": ("NATO", "НАТО", "North Atlantic Alliance", "Североатлантическ"),
}
# A leader's title alone stands for the readout's own leader ("The Chancellor condemned").
OWN_TITLES = re.compile(
    r"\b(?:[Tt]he (?:Federal )?(?:President|Chancellor|Prime Minister|Premier|Head of State)"
    r"|Президент|Глава государства|Канцлер|Премьер-министр|Председатель)\b"
)
BOTH_SIDES = re.compile(
    r"\b(?:[Tt]he (?:two |both )?(?:leaders|[Pp]residents|sides|heads of state|heads of government"
    r"|parties|interlocutors|two)|[Bb]oth (?:leaders|presidents|sides|heads of state)"
    r"|[Tt]wo (?:leaders|presidents|sides)|[Tt]hey|[Ww]e|[Uu]s both|[Tt]he two countries"
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
GAP = r"(?:\w+[ -]){0,3}"  # up to three words in between
CUES: dict[str, tuple[str, ...]] = {
    "agree": (
        r"agree[ds]?",
        r"decided",
        r"reached (?:an? |the )?" + GAP + r"(?:agreement|understanding|consensus|deal)",
        r"came to (?:an )?(?:agreement|understanding)",
        r"concurred",
        r"supported (?:the|this|that|his|her|a|an) " + GAP + r"(?:idea|proposal|initiative|call)",
        r"endorsed",
        r"accepted (?:the|a|an) " + GAP + r"(?:proposal|invitation|offer)",
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
        r"приняли решение",
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
        r"spoke(?: today| on \w+| this \w+)?(?: by (?:tele)?phone)?(?: today)? (?:with|about|of)",
        r"spoke by (?:tele)?phone",
        r"(?:had |has |have )?spoken (?:by (?:tele)?phone )?(?:with|to)",
        r"speaks? (?:by (?:tele)?phone )?with",
        r"(?:had|held|have|has|conducted) (?:an? |their )?(?:\w+[ -]){0,5}"
        r"(?:conversation|call|talks|discussion|exchange|dialogue)",
        r"(?:took|received|made|finished) (?:an? )?" + GAP + r"call",
        r"raised",
        r"took stock",
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
        + GAP
        + r"(?:concerns?|alarm|dismay|disappointment|regret|objections?)",
        r"raised " + GAP + r"(?:matters|issues|questions) of concern",
        r"condemn(?:ed|s)",
        r"criticis(?:ed|es)",
        r"criticiz(?:ed|es)",
        r"deplor(?:ed|es)",
        r"protested",
        r"выразил\w* " + GAP + r"(?:обеспокоенност|озабоченност|тревог|возмущени|сожалени)\w*",
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
        r"(?:expressed|conveyed|extended) "
        + GAP
        + r"(?:condolences|satisfaction|gratitude|appreciation|sympathy|thanks|congratulations"
        r"|greetings|best wishes)",
        r"offered " + GAP + r"(?:condolences|congratulations)",
        r"wished",
        r"пожелал\w*",
        r"поздравил\w*",
        r"приветствовал\w*",
        r"поблагодарил\w*",
        r"благодарил\w*",
        r"выразил\w* " + GAP + r"(?:соболезновани|удовлетворени|признательност|благодарност)\w*",
        r"с удовлетворением",
        r"высоко оценил\w*",
    ),
    "inform": (
        r"inform(?:ed|s)",
        r"brief(?:ed|s)",
        r"shared " + GAP + r"(?:assessments?|views|information|perspectives?|thoughts)",
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
        r"expressed " + GAP + r"(?:readiness|willingness|hope|confidence|position|views?|support)",
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
        r"изложил\w*",
        r"указал\w*",
        r"подтвердил\w*",
        r"заявил\w*",
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
        r"выразил\w* " + GAP + r"(?:готовност|надежд|уверенност|поддержк)\w*",
        r"по (?:его|её|ее) (?:словам|мнению|оценке)",
        r"поделил\w*",
    ),
    "other": (
        r"invit(?:ed|es)",
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
    r"|подч[её]ркнут|выражен|высказан|обращено"
    r"|подч[её]ркнут|договорено|условлено|достигнут|речь шла|шла речь|было)",
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

# Words for the talks ("The conversation was frank and businesslike").
TONE_WORDS = re.compile(
    r"\b(?:businesslike|business-like|frank|candid|constructive|in-depth|substantive|productive"
    r"|detailed|thorough|friendly|warm|cordial|positive|useful|meaningful|respectful"
    r"|pragmatic|professional|comprehensive|sincere|good|excellent"
    r"|деловой|делового|деловом|откровенн\w+|конструктивн\w+|содержательн\w+|подробн\w+"
    r"|обстоятельн\w+|дружеск\w+|доверительн\w+|продуктивн\w+|полезн\w+|насыщенн\w+|т[её]пл\w+"
    r"|углубл[её]нн\w+|прям\w+|детальн\w+|предметн\w+|заинтересованн\w+|уважительн\w+)\b",
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
NUMBER = (
    r"(?:an?|one|two|three|four|five|six|\d+(?:[.,]\d+)?|one and a half|two and a half"
    r"|half an?|an? hour and a half)"
)
DURATION = re.compile(
    r"(?P<en>(?:(?:about|around|approximately|almost|nearly|more than|over|some|just over"
    r"|less than|roughly|just under|under|well over) )?" + NUMBER + r"[ -](?:hours?|minutes?)"
    r"(?: and (?:a half|\d+ minutes))?)"
    r"|(?P<ru>(?:(?:около|почти|более|свыше|примерно|порядка|менее|больше|чуть более|немногим более"
    r"|без малого) )?(?:полтора часа|полутора часов|часа|часов|час|\d+ (?:час\w*|минут\w*)"
    r"|(?:одного|двух|тр[её]х|четыр[её]х|пяти) час\w*|(?:два|три|четыре|пять) часа))",
    re.IGNORECASE,
)
DURATION_CONTEXT = re.compile(
    r"\b(?:last(?:ed|ing)?|long|длил\w*|продолжал\w*|продолжительност\w*|conversation|call"
    r"|talks|разговор\w*|бесед\w*)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")
