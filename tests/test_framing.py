"""Framing: actor and act per sentence, tone, initiator, duration, topic weight and order.

Every rule family is tested in English and in Russian on sentences written for the
tests, in the formulaic register of readouts. Sentences are framed without spaCy;
the readout-level tests go through the pipeline with the small pack.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import sentences_of

from readout_diff import framing, pipeline, reading
from readout_diff.framing import Act, Actor
from readout_diff.model import Report

ROOT = Path(__file__).resolve().parents[1]

KREMLIN_OPENING = (
    "Telephone conversation with the President of the United States Joseph Biden",
    "Vladimir Putin had a telephone conversation with Joseph Biden.",
)
WHITE_HOUSE_OPENING = (
    "Readout of President Biden's Call with President Vladimir Putin of Russia",
    "President Biden spoke today with President Vladimir Putin of Russia.",
)
RU_OPENING = (
    "Телефонный разговор с Президентом США Джозефом Байденом",
    "Владимир Путин провёл телефонный разговор с Президентом США Джозефом Байденом.",
)
# A readout whose own leader is a prime minister and the counterpart a president.
NEW_DELHI_OPENING = (
    "PM speaks with President of the Russian Federation",
    "Prime Minister Shri Narendra Modi spoke this evening with His Excellency Vladimir Putin, "
    "President of the Russian Federation.",
)
RU_NEW_DELHI_OPENING = (
    "Телефонный разговор с Премьер-министром Индии Нарендрой Моди",
    "Владимир Путин провёл телефонный разговор с Премьер-министром Индии Нарендрой Моди.",
)
JERUSALEM_OPENING = (
    "PM Netanyahu Speaks with Russian President Putin",
    "Prime Minister Benjamin Netanyahu spoke this evening with Russian President Vladimir Putin.",
)
PARIS_OPENING = (
    "Call between the President of the Republic and President Vladimir Putin",
    "The President of the Republic, Emmanuel Macron, spoke with President Vladimir Putin of "
    "Russia this morning.",
)


_sentences = sentences_of


def frame_in(
    opening: tuple[str, ...], *texts: str, side: Actor = Actor.A
) -> list[framing.SentenceFrame]:
    """Frame sentences as they would follow an opening (title and first sentence)."""
    sentences = _sentences((*opening, *texts))
    parties = framing.find_parties(sentences)
    frames: list[framing.SentenceFrame] = []
    previous: Actor | None = None
    speaking: framing.Speaker | None = None
    for sentence in sentences[len(opening) :]:
        frame = framing.frame_sentence(sentence, parties, side, previous, speaking=speaking)
        previous = frame.actor if frame.actor in (Actor.A, Actor.B) else None
        speaking = framing.speaker_after(frame, speaking)
        frames.append(frame)
    return frames


def one(opening: tuple[str, ...], text: str, side: Actor = Actor.A) -> tuple[Actor, Act]:
    frame = frame_in(opening, text, side=side)[0]
    return frame.actor, frame.act


# --- whose leader is whose --------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "own", "other"),
    [
        (KREMLIN_OPENING, "ru", "us"),
        (WHITE_HOUSE_OPENING, "us", "ru"),
        (RU_OPENING, "ru", "us"),
        (
            ("Statement by President Donald J. Trump on his call with President Xi of China",),
            "us",
            "cn",
        ),
        (
            (
                "Telephone conversation with Federal Chancellor of Germany Olaf Scholz",
                "Vladimir Putin held a telephone conversation with Olaf Scholz.",
            ),
            "ru",
            "de",
        ),
        (
            (
                "Телефонный разговор с Президентом Французской Республики Эммануэлем Макроном",
                "Состоялся телефонный разговор Владимира Путина с Эммануэлем Макроном.",
            ),
            "ru",
            "fr",
        ),
    ],
)
def test_framing_finds_the_own_leader_before_with(
    opening: tuple[str, ...], own: str, other: str
) -> None:
    parties = framing.find_parties(_sentences(opening))
    assert (parties.own, parties.other) == (own, other)


def test_framing_maps_the_own_leader_to_the_readouts_side() -> None:
    assert one(WHITE_HOUSE_OPENING, "President Biden raised Navalny.", side=Actor.B)[0] is Actor.B
    assert one(WHITE_HOUSE_OPENING, "President Putin raised Navalny.", side=Actor.B)[0] is Actor.A
    assert one(KREMLIN_OPENING, "Joseph Biden raised Navalny.")[0] is Actor.B


# --- actor ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "text", "actor"),
    [
        (KREMLIN_OPENING, "Vladimir Putin stressed that dialogue matters.", Actor.A),
        (KREMLIN_OPENING, "The Russian President noted the progress made.", Actor.A),
        (KREMLIN_OPENING, "The Russian side pointed to the Minsk agreements.", Actor.A),
        (KREMLIN_OPENING, "The American side informed of its plans.", Actor.B),
        (KREMLIN_OPENING, "The leaders discussed Syria.", Actor.BOTH),
        (KREMLIN_OPENING, "The sides agreed to keep in touch.", Actor.BOTH),
        (KREMLIN_OPENING, "Vladimir Putin and Joseph Biden agreed to keep in touch.", Actor.BOTH),
        (KREMLIN_OPENING, "Issues of trade were also discussed.", Actor.BOTH),
        (KREMLIN_OPENING, "It was agreed that the aides would stay in contact.", Actor.BOTH),
        (KREMLIN_OPENING, "Ukraine's regime has refused to negotiate.", Actor.OTHER),
        (KREMLIN_OPENING, "The conversation lasted an hour.", Actor.OTHER),
        (RU_OPENING, "Владимир Путин подчеркнул важность диалога.", Actor.A),
        (RU_OPENING, "Российский Президент отметил прогресс.", Actor.A),
        (RU_OPENING, "Д.Байден проинформировал о планах администрации.", Actor.B),
        (RU_OPENING, "Американская сторона заверила в своей готовности.", Actor.B),
        (RU_OPENING, "Стороны договорились поддерживать контакты.", Actor.BOTH),
        (RU_OPENING, "Условились поддерживать контакты.", Actor.BOTH),
        (RU_OPENING, "Обсуждались вопросы торговли.", Actor.BOTH),
        (RU_OPENING, "Были затронуты и другие вопросы.", Actor.BOTH),
        (RU_OPENING, "Разговор длился около часа.", Actor.OTHER),
    ],
)
def test_framing_actor_is_the_subject_of_the_reporting_verb(
    opening: tuple[str, ...], text: str, actor: Actor
) -> None:
    assert one(opening, text)[0] is actor


@pytest.mark.parametrize(
    ("opening", "side", "text", "actor"),
    [
        # A bare title is its holder's, as the readout titles its leaders.
        (NEW_DELHI_OPENING, Actor.B, "Prime Minister thanked President Putin for it.", Actor.B),
        (NEW_DELHI_OPENING, Actor.B, "The President briefed him on the talks.", Actor.A),
        (JERUSALEM_OPENING, Actor.B, "The Prime Minister raised the question of Syria.", Actor.B),
        (
            JERUSALEM_OPENING,
            Actor.B,
            "The Prime Minister and the President agreed to speak again.",
            Actor.BOTH,
        ),
        # Both leaders presidents: the bare title is the readout's own.
        (PARIS_OPENING, Actor.B, "The President of the Republic stressed the risks.", Actor.B),
        (KREMLIN_OPENING, Actor.A, "The US President noted the progress made.", Actor.B),
        (KREMLIN_OPENING, Actor.A, "The Head of State thanked him for it.", Actor.A),
        # A name after "and" is another person's, not the title's holder.
        (
            PARIS_OPENING,
            Actor.B,
            "The President and Chancellor Scholz called for a ceasefire.",
            Actor.B,
        ),
        (
            KREMLIN_OPENING,
            Actor.A,
            "In a conversation with the President of France, the President noted the risks.",
            Actor.A,
        ),
        (RU_NEW_DELHI_OPENING, Actor.A, "Премьер-министр поблагодарил за поставки.", Actor.B),
        (RU_NEW_DELHI_OPENING, Actor.A, "Президент проинформировал о ситуации.", Actor.A),
        (RU_OPENING, Actor.A, "Президент Турции горячо поблагодарил за помощь.", Actor.OTHER),
        (RU_OPENING, Actor.A, "Глава государства подчеркнул важность диалога.", Actor.A),
    ],
)
def test_framing_a_title_alone_is_the_leader_who_holds_it(
    opening: tuple[str, ...], side: Actor, text: str, actor: Actor
) -> None:
    assert one(opening, text, side=side)[0] is actor


@pytest.mark.parametrize(
    ("text", "actor", "act"),
    [
        # The call as the subject of what was covered is what the two discussed.
        ("The call focused on energy security and Syria.", Actor.BOTH, Act.DISCUSS),
        ("The conversation focused in particular on trade.", Actor.BOTH, Act.DISCUSS),
        ("The main topics of the conversation were Syria and trade.", Actor.BOTH, Act.DISCUSS),
        ("It also dealt with the food crisis.", Actor.BOTH, Act.DISCUSS),
        ("Regional developments were taken up during the call.", Actor.BOTH, Act.DISCUSS),
        ("The leaders paid particular attention to humanitarian matters.", Actor.BOTH, Act.DISCUSS),
        ("The conversation lasted about an hour.", Actor.OTHER, Act.OTHER),
    ],
)
def test_framing_the_call_as_subject_of_its_topics(text: str, actor: Actor, act: Act) -> None:
    assert one(KREMLIN_OPENING, text) == (actor, act)


@pytest.mark.parametrize(
    ("text", "actor", "act"),
    [
        # Impersonal and passive forms: no agent, both sides.
        ("Констатирован рост товарооборота.", Actor.BOTH, Act.INFORM),
        ("Было подчёркнуто значение регулярного диалога.", Actor.BOTH, Act.INFORM),
        ("Подтверждена готовность развивать сотрудничество.", Actor.BOTH, Act.INFORM),
        ("Обращено внимание на важность координации.", Actor.BOTH, Act.INFORM),
        ("Выражен взаимный настрой на расширение связей.", Actor.BOTH, Act.AGREE),
        ("Основное внимание было уделено ситуации в регионе.", Actor.BOTH, Act.DISCUSS),
        ("В центре внимания находились вопросы торговли.", Actor.BOTH, Act.DISCUSS),
        ("Была дана высокая оценка работе министров.", Actor.BOTH, Act.WELCOME),
        ("Выражена озабоченность ростом напряжённости.", Actor.BOTH, Act.CONCERN),
        # "Состоялся разговор A с B" is the two's call; a topic after it is no speaker.
        (
            "Состоялся телефонный разговор Владимира Путина с Президентом США Джозефом Байденом.",
            Actor.BOTH,
            Act.DISCUSS,
        ),
        ("Состоялся также обмен мнениями по ситуации вокруг Ирана.", Actor.BOTH, Act.DISCUSS),
        # A noun after a preposition is not the verb: "в ходе обмена мнениями".
        (
            "В ходе обмена мнениями о ситуации в Сирии подчёркнута важность координации.",
            Actor.BOTH,
            Act.INFORM,
        ),
        (
            "При обсуждении ситуации в Сирии Владимир Путин напомнил о договорённостях.",
            Actor.A,
            Act.INFORM,
        ),
        ("Стороны выразили настрой на наращивание сотрудничества.", Actor.BOTH, Act.AGREE),
        ("Президенты поручили своим командам продолжить работу.", Actor.BOTH, Act.AGREE),
        ("Лидеры обменялись поздравлениями с наступающим Новым годом.", Actor.BOTH, Act.WELCOME),
        ("Д.Байден выразил поддержку посреднической миссии.", Actor.B, Act.AGREE),
        ("Д.Байден обратился с просьбой рассмотреть этот вопрос.", Actor.B, Act.DEMAND),
        ("Владимир Путин заявил, что необходимо прекратить обстрелы.", Actor.A, Act.DEMAND),
        ("Д.Байден позвонил Владимиру Путину по этому поводу.", Actor.B, Act.DISCUSS),
    ],
)
def test_framing_russian_passives_impersonals_and_constructions(
    text: str, actor: Actor, act: Act
) -> None:
    assert one(RU_OPENING, text) == (actor, act)


@pytest.mark.parametrize(
    ("opening", "side", "text", "actor", "act"),
    [
        # A lead-in phrase before the subject is not the main clause.
        (
            WHITE_HOUSE_OPENING,
            Actor.B,
            "Pointing out that trade had grown, President Biden stressed the need for more.",
            Actor.B,
            Act.INFORM,
        ),
        (
            NEW_DELHI_OPENING,
            Actor.B,
            "Discussing the situation in the Gulf, Prime Minister reiterated India's position.",
            Actor.B,
            Act.INFORM,
        ),
        (
            KREMLIN_OPENING,
            Actor.A,
            "Noting that relations matter, the two leaders agreed to meet again.",
            Actor.BOTH,
            Act.AGREE,
        ),
        (
            KREMLIN_OPENING,
            Actor.A,
            "On the eve of the holiday, which both countries mark, Vladimir Putin and Joseph "
            "Biden stressed its importance.",
            Actor.BOTH,
            Act.INFORM,
        ),
        (
            RU_OPENING,
            Actor.A,
            "Отметив рост торговли, Владимир Путин подчеркнул важность диалога.",
            Actor.A,
            Act.INFORM,
        ),
        # An infinitive or a verb after a modal is what is to be done.
        (
            WHITE_HOUSE_OPENING,
            Actor.B,
            "Next week, technical teams will meet in Geneva to discuss the ceasefire.",
            Actor.BOTH,
            Act.INFORM,
        ),
    ],
)
def test_framing_lead_ins_and_infinitives_are_not_the_main_clause(
    opening: tuple[str, ...], side: Actor, text: str, actor: Actor, act: Act
) -> None:
    assert one(opening, text, side=side) == (actor, act)


def test_framing_he_is_the_last_speaker() -> None:
    en = frame_in(
        WHITE_HOUSE_OPENING,
        "President Putin set out his view.",
        "He also raised concerns about NATO.",
        side=Actor.B,
    )
    assert [f.actor for f in en] == [Actor.A, Actor.A]
    ru = frame_in(RU_OPENING, "Д.Байден отметил важность диалога.", "По его словам, это важно.")
    assert [f.actor for f in ru] == [Actor.B, Actor.B]


def test_framing_reported_speech_goes_on_without_a_verb() -> None:
    frames = frame_in(
        KREMLIN_OPENING,
        "Vladimir Putin stressed that the crisis has deep roots.",
        "The history of the question is clear.",
        "The American side should abide by its obligations.",
    )
    assert [(f.actor, f.act) for f in frames] == [
        (Actor.A, Act.INFORM),
        (Actor.A, Act.INFORM),
        (Actor.A, Act.DEMAND),
    ]


def test_framing_only_a_verb_of_saying_makes_a_speaker_whose_words_go_on() -> None:
    # After "spoke with" nobody is speaking: a sentence opening with a side is about it.
    statement = frame_in(
        WHITE_HOUSE_OPENING,
        "Russia will shortly be starting the exercise it has long planned.",
        "United States forces will not take part in the exercise.",
        side=Actor.B,
    )
    assert [f.actor for f in statement] == [Actor.A, Actor.B]
    # After "President Xi said", his words go on whatever side they are about, and a
    # verb in the present tense is still his ("China welcomes ...").
    beijing = (
        "President Xi Jinping Speaks with U.S. President Joe Biden on the Phone",
        "President Xi Jinping spoke with U.S. President Joe Biden on the phone.",
    )
    speech = frame_in(
        beijing,
        "President Xi said that the relationship is at a crossroads.",
        "The U.S. side has been sending the wrong signals.",
        "China welcomes the resumption of flights.",
        "The U.S. side should also have a dialogue with Russia.",
    )
    assert [(f.actor, f.act) for f in speech] == [
        (Actor.A, Act.INFORM),
        (Actor.A, Act.INFORM),
        (Actor.A, Act.WELCOME),
        (Actor.A, Act.DEMAND),
    ]
    # A third party's doing does not end them; a passive's agent after "by" is its actor.
    third = frame_in(
        beijing,
        "President Xi said that the meeting had been a step forward.",
        "The meeting was welcomed by the international community.",
        "The two sides should build on it.",
    )
    assert [(f.actor, f.act) for f in third] == [
        (Actor.A, Act.INFORM),
        (Actor.OTHER, Act.WELCOME),
        (Actor.A, Act.DEMAND),
    ]
    ru = frame_in(
        RU_OPENING,
        "Владимир Путин поздравил Джозефа Байдена с праздником.",
        "Американская сторона готовит ответные шаги.",
    )
    assert [f.actor for f in ru] == [Actor.A, Actor.B]


def test_framing_first_person_statements_are_the_own_side() -> None:
    opening = ("Statement by President Donald J. Trump on his call with President Xi of China",)
    frames = frame_in(
        opening,
        "President Xi and I just had a very good phone call.",
        "I thank President Xi for his time.",
        side=Actor.B,
    )
    assert [(f.actor, f.act) for f in frames] == [(Actor.BOTH, Act.DISCUSS), (Actor.B, Act.WELCOME)]


# --- act -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The Presidents agreed to maintain contacts.", Act.AGREE),
        ("The sides reached an understanding on prisoners.", Act.AGREE),
        ("Vladimir Putin supported the idea of a summit.", Act.AGREE),
        ("The leaders discussed the Iran deal.", Act.DISCUSS),
        ("The leaders exchanged views on Syria.", Act.DISCUSS),
        ("Other bilateral issues were also touched upon.", Act.DISCUSS),
        ("Joseph Biden raised the situation in Belarus.", Act.DISCUSS),
        ("Joseph Biden called on Russia to withdraw its troops.", Act.DEMAND),
        ("Joseph Biden urged restraint.", Act.DEMAND),
        ("Joseph Biden warned of severe costs.", Act.WARN),
        ("Joseph Biden made clear that the United States would respond.", Act.WARN),
        ("Joseph Biden expressed deep concern about the troop build-up.", Act.CONCERN),
        ("Joseph Biden raised other matters of concern, including Navalny.", Act.CONCERN),
        ("Vladimir Putin condemned the attack.", Act.CONCERN),
        ("Vladimir Putin congratulated Joseph Biden on his inauguration.", Act.WELCOME),
        ("The Presidents expressed satisfaction with the exchange of notes.", Act.WELCOME),
        ("Vladimir Putin thanked Joseph Biden for his condolences.", Act.WELCOME),
        ("Vladimir Putin informed Joseph Biden of the situation.", Act.INFORM),
        ("Vladimir Putin pointed out that NATO had expanded.", Act.INFORM),
        ("Joseph Biden reaffirmed support for Ukraine's sovereignty.", Act.INFORM),
        ("Vladimir Putin invited Joseph Biden to visit Moscow.", Act.OTHER),
        ("The conversation was frank and businesslike.", Act.OTHER),
        ("The call took place at the initiative of the American side.", Act.OTHER),
    ],
)
def test_framing_act_from_the_reporting_verb_in_english(text: str, act: Act) -> None:
    assert one(KREMLIN_OPENING, text)[1] is act


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # Support for the other's step is agreement; a commitment or view held in common too.
        ("Joseph Biden expressed support for the mediation effort.", Act.AGREE),
        ("Joseph Biden backed the Russian initiative on the summit.", Act.AGREE),
        ("Vladimir Putin accepted Joseph Biden's invitation to Geneva.", Act.AGREE),
        ("Vladimir Putin undertook to ensure safe passage for the convoy.", Act.AGREE),
        ("The leaders coordinated their positions ahead of the summit.", Act.AGREE),
        ("The two leaders shared the view that the talks must go on.", Act.AGREE),
        ("The leaders voiced a shared commitment to regional security.", Act.AGREE),
        ("The Presidents instructed their teams to draft the text.", Act.AGREE),
        ("Joseph Biden reaffirmed support for the agreement.", Act.INFORM),
        ("Joseph Biden voiced appreciation for Russia's help.", Act.WELCOME),
        ("The leaders appreciated the progress in trade.", Act.WELCOME),
        ("The Russian President sent warm wishes to the people of America.", Act.WELCOME),
        ("The leaders exchanged season's greetings.", Act.WELCOME),
        ("Joseph Biden was grateful for the help of the rescue teams.", Act.WELCOME),
        ("Joseph Biden accepted Vladimir Putin's apology for the remarks.", Act.WELCOME),
        ("They gave a positive assessment of the joint work.", Act.WELCOME),
        ("Joseph Biden presented Vladimir Putin with a request to open a corridor.", Act.DEMAND),
        ("The United States has pressed France and Germany to take them back.", Act.DEMAND),
        ("Joseph Biden said he expects the request to be met soon.", Act.DEMAND),
        ("He added that the time has come to lift the sanctions.", Act.DEMAND),
        ("Joseph Biden shared with Vladimir Putin his frustration at the delays.", Act.CONCERN),
        ("The presidents discussed their shared concern over the crisis.", Act.CONCERN),
        ("Joseph Biden gave Vladimir Putin a full briefing on the talks.", Act.INFORM),
        ("Joseph Biden shared with Vladimir Putin the details of the plan.", Act.INFORM),
        ("Joseph Biden made known his wish to see the talks welcomed.", Act.INFORM),
        ("Joseph Biden drew attention to the risk of escalation.", Act.INFORM),
        ("Joseph Biden phoned Vladimir Putin about the accident.", Act.DISCUSS),
        ("Joseph Biden called President Putin about the accident.", Act.DISCUSS),
        ("The leaders had a positive, substantive and frank conversation.", Act.DISCUSS),
        ("The two leaders held in-depth discussions on climate.", Act.DISCUSS),
        ("Joseph Biden said he looked forward to President Putin's visit.", Act.OTHER),
        ("Joseph Biden called on Russia to withdraw.", Act.DEMAND),
    ],
)
def test_framing_more_reporting_verbs_and_constructions(text: str, act: Act) -> None:
    assert one(KREMLIN_OPENING, text)[1] is act


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Президенты договорились поддерживать контакты.", Act.AGREE),
        ("Владимир Путин согласился с этим предложением.", Act.AGREE),
        ("Лидеры обсудили иранскую ядерную программу.", Act.DISCUSS),
        ("Стороны обменялись мнениями о ситуации в Сирии.", Act.DISCUSS),
        ("Речь шла и об урегулировании на Украине.", Act.DISCUSS),
        ("Д.Байден призвал к деэскалации.", Act.DEMAND),
        ("Владимир Путин настаивал на гарантиях безопасности.", Act.DEMAND),
        ("Владимир Путин предупредил о последствиях.", Act.WARN),
        ("Владимир Путин выразил серьёзную обеспокоенность ситуацией.", Act.CONCERN),
        ("Владимир Путин осудил теракт.", Act.CONCERN),
        ("Владимир Путин поздравил Джозефа Байдена с инаугурацией.", Act.WELCOME),
        ("Президенты выразили удовлетворение обменом нотами.", Act.WELCOME),
        ("Владимир Путин поблагодарил за соболезнования.", Act.WELCOME),
        ("Владимир Путин проинформировал о ходе специальной военной операции.", Act.INFORM),
        ("Российский Президент подчеркнул важность диалога.", Act.INFORM),
        ("Владимир Путин пригласил Президента США посетить Москву.", Act.OTHER),
        ("Разговор носил деловой и откровенный характер.", Act.OTHER),
        ("Разговор состоялся по инициативе американской стороны.", Act.OTHER),
    ],
)
def test_framing_act_from_the_reporting_verb_in_russian(text: str, act: Act) -> None:
    assert one(RU_OPENING, text)[1] is act


def test_framing_main_clause_comes_first_and_every_clause_is_kept() -> None:
    frame = frame_in(
        WHITE_HOUSE_OPENING,
        "The two leaders discussed New START, and agreed to have their teams finish the work.",
        side=Actor.B,
    )[0]
    assert (frame.actor, frame.act) == (Actor.BOTH, Act.DISCUSS)
    assert frame.acts == (Act.DISCUSS, Act.AGREE)


def test_framing_a_verb_in_a_subordinate_clause_is_not_the_main_act() -> None:
    frame = frame_in(
        KREMLIN_OPENING,
        "Vladimir Putin noted that the improvement, which has been welcomed, is fragile.",
    )[0]
    assert frame.act is Act.INFORM
    assert Act.WELCOME in frame.acts


def test_framing_an_agreement_noun_counts_for_the_clauses_not_the_main_act() -> None:
    frame = frame_in(
        KREMLIN_OPENING,
        "The Presidents expressed satisfaction with notes on the agreement to extend the treaty.",
    )[0]
    assert frame.act is Act.WELCOME
    assert frame.acts == (Act.WELCOME, Act.AGREE)
    ru = frame_in(RU_OPENING, "Президенты с удовлетворением отметили договорённость о продлении.")[
        0
    ]
    assert ru.act is Act.WELCOME and Act.AGREE in ru.acts


# --- tone, initiator, duration -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("The conversation was businesslike and frank.", ("businesslike", "frank")),
        (
            "The two leaders held a candid and constructive discussion of issues.",
            ("candid", "constructive"),
        ),
        ("The two presidents regarded the call as candid and in-depth.", ("candid", "in-depth")),
        ("The leaders had a substantive exchange of views.", ("substantive",)),
        ("Moscow remains open to a frank dialogue later.", ("frank",)),
        ("The sides should maintain a good pace of trade.", ()),
        ("Разговор носил деловой и откровенный характер.", ("деловой", "откровенный")),
        ("Состоялся обстоятельный обмен мнениями.", ("обстоятельный",)),
        ("Беседа прошла в конструктивном ключе.", ("конструктивном",)),
        # Verbatim, with the word that grades it.
        (
            "They had a positive, very substantive and frank conversation.",
            ("positive", "very substantive", "frank"),
        ),
        ("We had a fantastic phone call.", ("fantastic",)),
        ("Разговор носил тёплый и дружественный характер.", ("тёплый", "дружественный")),
        ("Состоялся весьма полезный обмен мнениями.", ("весьма полезный",)),
        ("The conversation, which lasted an hour, was quite frank.", ("quite frank",)),
        # "прямые переговоры" are direct negotiations, not a frank talk.
        ("Стороны выступили за продолжение прямых переговоров.", ()),
    ],
)
def test_framing_tone_words_are_those_about_the_talks(text: str, tone: tuple[str, ...]) -> None:
    assert framing.tone_words(text) == tone


@pytest.mark.parametrize(
    ("opening", "text", "who"),
    [
        (
            KREMLIN_OPENING,
            "The conversation took place at the initiative of the American side.",
            Actor.B,
        ),
        (KREMLIN_OPENING, "The call was held at the request of the Russian side.", Actor.A),
        (
            ("President Xi Jinping Speaks with U.S. President Joe Biden on the Phone",),
            "President Xi spoke with President Biden on the phone at the latter's request.",
            Actor.B,
        ),
        (RU_OPENING, "Разговор состоялся по инициативе американской стороны.", Actor.B),
        (RU_OPENING, "Телефонный разговор прошёл по инициативе российской стороны.", Actor.A),
        (KREMLIN_OPENING, "At the request of the Russian side, the ministers will meet.", None),
        # Whoever placed the call, as the subject of "called" / "phoned" / "позвонил".
        (
            KREMLIN_OPENING,
            "Joseph Biden called President Vladimir Putin by telephone after the accident.",
            Actor.B,
        ),
        (KREMLIN_OPENING, "Vladimir Putin phoned Joseph Biden to congratulate him.", Actor.A),
        (RU_OPENING, "Д.Байден позвонил Владимиру Путину.", Actor.B),
        (KREMLIN_OPENING, "Joseph Biden called on Russia to withdraw its troops.", None),
    ],
)
def test_framing_initiator_of_the_call(
    opening: tuple[str, ...], text: str, who: Actor | None
) -> None:
    parties = framing.find_parties(_sentences(opening))
    assert framing.initiator(text, parties, Actor.A) is who


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("The conversation lasted more than an hour.", "more than an hour"),
        (
            "Olaf Scholz held a telephone conversation of about one hour with Putin.",
            "about one hour",
        ),
        ("The call lasted about one and a half hours.", "about one and a half hours"),
        ("Разговор длился почти полтора часа.", "почти полтора часа"),
        ("Разговор продолжался более двух часов.", "более двух часов"),
        ("The teams will meet in two hours' time to sign it.", ""),
        ("Это вопрос часа.", ""),
        ("Vladimir Putin had an hour-long conversation with him.", "an hour-long"),
        ("The conversation lasted forty minutes.", "forty minutes"),
        ("Разговор продолжался более получаса.", "более получаса"),
        ("Беседа длилась два с половиной часа.", "два с половиной часа"),
        ("Today the President spoke with President Xi for about 50 minutes.", "about 50 minutes"),
        ("The Prime Minister held a telephone talk of about 30 minutes.", "about 30 minutes"),
    ],
)
def test_framing_duration_is_quoted_as_stated(text: str, duration: str) -> None:
    assert framing._duration_in(text) == duration


# --- readouts, topics, groups --------------------------------------------------------


def test_framing_readout_weights_and_order_of_topics(compare_texts: Callable[..., Report]) -> None:
    report = compare_texts(
        "Telephone conversation with President Biden\n"
        "Vladimir Putin had a telephone conversation with Joseph Biden. "
        "The leaders discussed Ukraine at length and in great detail today. "
        "They also touched upon climate change.",
        "Readout of President Biden's Call with President Putin\n"
        "President Biden spoke with President Putin. "
        "President Biden raised Navalny. "
        "The two leaders discussed Ukraine.",
    )
    f = report.framing
    assert f is not None
    assert f.a.words == 9 + 11 + 6 and f.a.sentences[0].title
    ukraine = f.topic("ukraine")
    assert ukraine is not None
    assert ukraine.rank == (1, 2)
    assert ukraine.share == (round(11 / 26, 3), round(5 / 15, 3))
    assert ukraine.acts == ((Act.DISCUSS,), (Act.DISCUSS,))
    navalny = f.topic("navalny")
    assert navalny is not None and navalny.rank == (None, 1) and navalny.actors == ((), (Actor.B,))


def test_framing_flags_groups_whose_accounts_disagree(compare_texts: Callable[..., Report]) -> None:
    report = compare_texts(
        "Vladimir Putin had a telephone conversation with Joseph Biden. "
        "The sides agreed on a halt to strikes on energy infrastructure in Ukraine.",
        "President Biden spoke with President Putin. "
        "The leaders discussed a halt to strikes on energy infrastructure in Ukraine.",
    )
    assert report.framing is not None
    flagged = [g for g in report.framing.groups if g.act_differs]
    assert [(g.acts, g.actor_differs) for g in flagged] == [(((Act.AGREE,), (Act.DISCUSS,)), False)]


def test_framing_on_the_samples_shows_the_issues_done_means() -> None:
    def compare(a: str, b: str) -> Report:
        return pipeline.compare(
            reading.read_readout(str(ROOT / "samples" / a)),
            reading.read_readout(str(ROOT / "samples" / b)),
        )

    for kremlin in ("kremlin.txt", "kremlin_ru.txt"):
        report = compare(kremlin, "whitehouse.txt")
        f = report.framing
        assert f is not None
        for topic_id in ("navalny", "cyber", "election-interference", "afghanistan"):
            t = f.topic(topic_id)
            assert t is not None and t.actors[1] == (Actor.B,), topic_id
        new_start = f.topic("new-start")
        assert new_start is not None
        assert Act.AGREE in new_start.acts[0] and Act.AGREE in new_start.acts[1]
        assert set(f.a.tone) == (
            {"businesslike", "frank"} if kremlin == "kremlin.txt" else {"деловой", "откровенный"}
        )
