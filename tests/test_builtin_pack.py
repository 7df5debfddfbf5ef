"""The built-in pack's vocabulary (``readout_diff/packs/builtin.toml``): the formulas
governments use in call readouts land on their topics, in English and in Russian, and
the near-misses that look like them do not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readout_diff import pipeline
from readout_diff.model import Report, Side, TaggedReadout
from readout_diff.reading import readout_from_text
from readout_diff.topicpacks import builtin_pack

Tag = Callable[..., TaggedReadout]


def topic_ids(tag: Tag, text: str) -> set[str]:
    return {hit.topic_id for hit in tag(text, builtin_pack()).hits}


def judged(text_a: str, text_b: str) -> Report:
    """Two readouts compared with the built-in pack and no ad-hoc names."""
    a, b = readout_from_text(text_a, "a"), readout_from_text(text_b, "b")
    return pipeline.compare(a, b, pipeline.Options(adhoc=False))


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        ("They discussed the Northern Ireland Protocol.", "northern-ireland"),
        # fifth pass: staying in contact, partnership formulas, visits, sympathy
        ("They agreed to keep up the momentum of bilateral contacts.", "contacts"),
        ("Речь шла об освобождении заключенных.", "prisoners"),
        ("Обсуждён обмен заключёнными.", "prisoners"),
        ("The dialogue is difficult, but the channels of discussion remain open.", "contacts"),
        ("Поддержаны российско-американские контакты на разных уровнях.", "contacts"),
        (
            "Стороны выразили заинтересованность в развитии российско-саудовского партнёрства.",
            "bilateral-relations",
        ),
        ("The India-US partnership benefits the peoples of both countries.", "bilateral-relations"),
        ("China will deepen mutually beneficial cooperation with Brazil.", "bilateral-relations"),
        (
            "Российско-китайские отношения вышли на беспрецедентно высокий уровень.",
            "bilateral-relations",
        ),
        ("Путин назвал их образцом межгосударственного сотрудничества.", "bilateral-relations"),
        ("Киев должен выполнять Минские договорённости.", "ukraine"),
        ("Путин выразил надежду, что лидеры смогут встретиться лично.", "summit"),
        ("Обсуждалась возможность встречи двух лидеров.", "summit"),
        ("Турецкий лидер заверил, что Турция вместе с народом России.", "condolences"),
        ("He wished a swift recovery to the injured.", "condolences"),
        ("Biden wished President Lula a full recovery from his injury.", "congratulations"),
        (
            "Условились о развитии связей в военной и военно-технической сферах.",
            "defence-cooperation",
        ),
        ("They agreed to protect their nationals in Sudan.", "evacuation"),
        ("He briefed him on the constitutional reform.", "domestic-politics"),
        # the G20 is a forum like BRICS and APEC, listed with them
        ("They agreed on the role of the G20 and BRICS.", "multilateral-forums"),
        (
            "Россия и Китай координируют действия в БРИКС и «Группе двадцати».",
            "multilateral-forums",
        ),
        ("He thanked him for helping release Sasha Troufanov.", "prisoners"),
        ("Обсуждалась ситуация в Северной Ирландии.", "northern-ireland"),
        # protocol: staying in contact, greetings on holidays and national days, wishes
        ("Лидеры условились оставаться в контакте.", "contacts"),
        ("Условились о продолжении контактов по линии профильных ведомств.", "contacts"),
        ("The leaders agreed to keep each other informed.", "contacts"),
        (
            "Владимир Путин поздравил Ильхама Алиева с наступающим праздником Новруз.",
            "congratulations",
        ),
        ("Путин поздравил Эрдогана с праздником Ураза-байрам.", "congratulations"),
        ("Поздравил Биньямина Нетаньяху с Ханукой.", "congratulations"),
        ("Токаев поздравил Владимира Путина с Днём России.", "congratulations"),
        ("Президент пожелал крепкого здоровья и благополучия.", "congratulations"),
        (
            "The Prime Minister conveyed warm greetings on the occasion of Diwali.",
            "congratulations",
        ),
        ("The President wished the people of Saudi Arabia a blessed Ramadan.", "congratulations"),
        ("President Erdoğan congratulated President Putin on Orthodox Easter.", "congratulations"),
        # partnership formulas
        (
            "Подтверждена нацеленность на укрепление всеобъемлющего партнёрства.",
            "bilateral-relations",
        ),
        ("Обсуждены актуальные вопросы двустороннего взаимодействия.", "bilateral-relations"),
        (
            "Отмечен прогресс особо привилегированного стратегического партнёрства.",
            "bilateral-relations",
        ),
        ("They welcomed the comprehensive strategic partnership.", "bilateral-relations"),
        # alliances and security commitments
        ("They reaffirmed that the U.S.-Japan Alliance is the cornerstone.", "alliance"),
        ("Biden reaffirmed the ironclad U.S. commitment to extended deterrence.", "alliance"),
        ("They reaffirmed their commitment to Article 5.", "alliance"),
        # regions
        ("They discussed the Quad and a free and open Indo-Pacific.", "indo-pacific"),
        ("The leaders discussed Gulf security.", "middle-east"),
        ("Обсуждено разблокирование транспортных коммуникаций в регионе.", "nagorno-karabakh"),
        ("Kishida raised the release of ALPS treated water.", "fukushima-water"),
        ("They discussed the Line of Actual Control.", "india-china-border"),
        ("They discussed the Windsor Framework.", "northern-ireland"),
        ("The leaders discussed Ukraine's EU accession and candidate status.", "eu-accession"),
        # economy
        (
            "Выражена заинтересованность в расширении взаиморасчётов в национальных валютах.",
            "dollar",
        ),
        ("They reviewed the initiative on Critical and Emerging Technology.", "technology"),
        (
            "Обсуждено сотрудничество в сфере логистики и в рамках Среднего коридора.",
            "transport-corridors",
        ),
        ("They discussed defense industrial cooperation and jet engines.", "defence-cooperation"),
        # global governance
        ("Обсуждены вопросы председательства Казахстана в СВМДА.", "multilateral-forums"),
        ("Xi spoke of the Global Security Initiative.", "un-order"),
        # summits of the two sides, still summits
        ("The leaders agreed to hold a summit in Moscow next year.", "summit"),
        ("China is willing to hold the China-EU Summit as soon as possible.", "summit"),
        ("Президенты обсудили подготовку к саммиту в Москве.", "summit"),
        # interference in the speaker's own affairs
        ("Putin warned against interference in Russia's internal affairs.", "internal-affairs"),
        ("Путин указал на недопустимость вмешательства во внутренние дела.", "internal-affairs"),
        # arms control, energy-site ceasefires, the epidemic
        ("They restated their opposition to any use of nuclear weapons.", "strategic-stability"),
        ("They agreed on a partial ceasefire covering energy.", "infrastructure-strikes"),
        ("They exchanged views on the fight against the epidemic.", "covid-19"),
        ("Обсуждена эпидемиологическая обстановка в двух странах.", "covid-19"),
        # Donbas settlement, regional agenda, ministers' visits, rights, order, reforms
        ("Подчёркнута важность прямого диалога в Контактной группе.", "ukraine"),
        ("They discussed the decentralisation law in the Trilateral Contact Group.", "ukraine"),
        ("Both leaders called on the sides to exercise maximum restraint.", "regional-agenda"),
        ("Обсуждены вопросы региональной повестки.", "regional-agenda"),
        ("Эрдоган подтвердил готовность содействовать урегулированию.", "regional-agenda"),
        ("Стороны выступили за деэскалацию ситуации.", "regional-agenda"),
        ("They discussed the upcoming visit of the Foreign Minister to Delhi.", "contacts"),
        ("Обсуждён предстоящий визит министра иностранных дел в Москву.", "contacts"),
        ("Затронута тема соблюдения прав и свобод человека.", "human-rights"),
        ("They stressed respect for fundamental freedoms.", "human-rights"),
        ("They reaffirmed commitment to the rule-based international order.", "un-order"),
        ("The President briefed him on the constitutional amendments.", "domestic-politics"),
        ("Путин рассказал о поправках к Конституции.", "domestic-politics"),
        ("Обсуждены вопросы строительства АЭС «Руппур».", "energy"),
        ("Советские солдаты сражались плечом к плечу с союзниками.", "wwii-history"),
        ("They condemned the attempt to annex Ukrainian territory.", "annexation"),
        # humanitarian issues
        ("Затронуты гуманитарные вопросы.", "civilians"),
        (
            "They discussed the return of the bodies of fallen soldiers and missing persons.",
            "prisoners",
        ),
        ("Путин выразил соболезнования в связи с жертвами наводнения.", "disasters"),
        # the other's internal matters
        (
            "Путин проинформировал о ситуации в связи с попыткой вооружённого мятежа.",
            "domestic-politics",
        ),
        ("They discussed the situation after the presidential election.", "domestic-politics"),
        ("The leaders agreed to remain in regular contact.", "contacts"),
        ("Xi thanked Russia for its efforts to protect Chinese nationals there.", "evacuation"),
        ("Обсуждены вопросы защиты российских граждан в Израиле.", "evacuation"),
        ("They agreed to enhance cooperation between the two countries.", "bilateral-relations"),
        ("Обсуждены перспективы сотрудничества между двумя странами.", "bilateral-relations"),
        ("Продолжено обсуждение положения дел в Идлибской зоне деэскалации.", "syria"),
        ("He said Iran places great value on its relations with Russia.", "bilateral-relations"),
        ("They agreed to stay in close contact on the matter.", "contacts"),
        (
            "The President shared information about his recent meeting with the US envoy.",
            "consulting-others",
        ),
        ("He briefed his counterpart on the talks with the Ukrainian side.", "consulting-others"),
        # continuing the exchange of views at later contacts; bilateral ties in Russian
        ("Условлено продолжить обмен мнениями в ходе последующих контактов.", "contacts"),
        ("The leaders agreed to continue the exchange of views.", "contacts"),
        ("Собеседники высказались за развитие двусторонних связей.", "bilateral-relations"),
        # green and digital partnerships
        ("The two sides should deepen their green and digital partnerships.", "technology"),
        ("They agreed to step up cooperation in the digital field.", "technology"),
        ("Стороны договорились развивать цифровое партнёрство.", "technology"),
        ("Xi proposed that the two sides forge a green partnership.", "climate"),
        ("Обсуждено сотрудничество по зелёной повестке.", "climate"),
        # Europe's strategic autonomy, urged by Beijing, claimed by Paris
        ("China hopes the EU will adhere to strategic independence.", "strategic-autonomy"),
        ("Macron spoke of European strategic autonomy.", "strategic-autonomy"),
        ("Си Цзиньпин выразил надежду на стратегическую автономию ЕС.", "strategic-autonomy"),
        # core interests and major concerns: defending one's interests
        (
            "China will firmly uphold its sovereignty, security and development interests.",
            "national-interests",
        ),
        ("Стороны поддержат друг друга в защите коренных интересов.", "national-interests"),
        # Ukraine's Peace Formula, the peace summit, a just peace
        ("Zelensky briefed him on the implementation of the Peace Formula.", "peace-formula"),
        ("They discussed a just peace for Ukraine.", "peace-formula"),
        ("Обсуждена подготовка саммита мира по Украине.", "peace-formula"),
        # war crimes and accountability for the aggression
        ("No crime of the aggression against Ukraine must go unpunished.", "war-crimes"),
        ("They discussed a special tribunal for the crime of aggression.", "war-crimes"),
        ("Обсуждено привлечение России к ответственности за военные преступления.", "war-crimes"),
        # a treaty or partnership agreement the two prepare or sign
        ("They discussed preparing a 100-year partnership agreement.", "bilateral-treaty"),
        ("Tehran is ready to sign the comprehensive cooperation agreement.", "bilateral-treaty"),
        (
            "Обсуждена подготовка Договора о всеобъемлющем стратегическом партнёрстве.",
            "bilateral-treaty",
        ),
    ],
)
def test_builtin_pack_tags_the_formulas_of_call_readouts(
    tag: Tag, text: str, topic_id: str
) -> None:
    assert topic_id in topic_ids(tag, text)


@pytest.mark.parametrize(
    ("text", "topic_id"),
    [
        # "дни Россия" has the lemmas of "День России"
        ("В ближайшие дни Россия и США завершат все процедуры.", "congratulations"),
        # a treaty and a base of other alliances
        ("They discussed the Collective Security Treaty Organization.", "alliance"),
        (
            "He voiced concern about support for Russia's defense industrial base.",
            "defence-cooperation",
        ),
        ("The revitalization of its alliances is not targeted at China.", "alliance"),
        ("They discussed Finland's accession to the Alliance.", "alliance"),
        ("They discussed defense industrial cooperation.", "trade"),
        # a peace treaty of the South Caucasus is not the Japan-Russia one
        (
            "They discussed a peace treaty between Armenia and Azerbaijan.",
            "japan-russia-peace-treaty",
        ),
        # a congratulation on an election victory is not the other's domestic politics
        ("He congratulated him on his victory in the presidential election.", "domestic-politics"),
        # vaccines are not satellites
        ("Обсуждены поставки вакцины «Спутник V».", "space"),
        # a place's own issue is that place, not interference in the speaker's affairs
        (
            "Xi stressed that the Taiwan question and Xinjiang are China's internal affairs.",
            "internal-affairs",
        ),
        ("Тайваньский вопрос является исключительно внутренним делом Китая.", "internal-affairs"),
        (
            "По ситуации в Белоруссии указано на недопустимость вмешательства во внутренние дела.",
            "internal-affairs",
        ),
        # Iran's and North Korea's weapons are their own issues, not arms control
        ("I stated that Iran cannot have a nuclear weapon.", "strategic-stability"),
        ("Путин сказал, что Иран не стремится к ядерному оружию.", "strategic-stability"),
        # a ceasefire on energy sites is not energy trade; trade flows in an epidemic
        ("The two leaders agreed on a partial ceasefire covering energy.", "energy"),
        ("China will keep the movement of people and trade during the epidemic.", "trade"),
        ("They discussed the opioid epidemic.", "covid-19"),
        # words of another subject: the investment climate, an annex, vaccines made
        # together, energy security, citizens brought home, a plant under construction
        ("They discussed improving the investment climate.", "climate"),
        ("Стороны отметили, что климат доверия укрепляется.", "climate"),
        ("The agreement and its annex were signed.", "annexation"),
        ("Обсуждено совместное производство российской вакцины.", "defence-cooperation"),
        ("They discussed energy security cooperation.", "defence-cooperation"),
        ("They discussed the repatriation of Indian nationals.", "law-enforcement"),
        ("Обсуждены вопросы строительства АЭС «Руппур».", "nuclear-plant"),
        ("Мы будем работать плечом к плечу.", "wwii-history"),
        ("They discussed the upcoming visit of the Foreign Minister to Delhi.", "summit"),
        # Gaza's war and its humanitarian situation are not the war in Ukraine's
        ("They discussed the humanitarian situation in Gaza.", "civilians"),
        ("Обсуждена гуманитарная ситуация в секторе Газа.", "civilians"),
        ("They discussed efforts to end the war in Gaza.", "ukraine"),
        # Minsk's constitutional amendments are the settlement, not domestic politics
        ("They discussed the amendments to the Constitution of Ukraine.", "domestic-politics"),
        # the call itself, a bloc's summit and a past summit are not a summit of the two
        ("The Prime Minister held a summit telephone talk with the President.", "summit"),
        ("President Xi held a leaders' meeting via video link with the Chancellor.", "summit"),
        ("Состоялись переговоры на высшем уровне в режиме видеоконференции.", "summit"),
        ("They discussed preparations for the NATO Summit in Vilnius.", "summit"),
        ("He proposed holding a summit of the Collective Security Treaty Organization.", "summit"),
        ("Обсуждена подготовка к саммиту ШОС.", "summit"),
        ("They followed up the agreements reached at the Russian-American summit.", "summit"),
        ("Обсуждено выполнение договорённостей, достигнутых на саммите в Женеве.", "summit"),
        # an amount in dollars is aid or trade, not the currency
        ("He singled out 1.1 billion dollars in security assistance.", "dollar"),
        ("Объём помощи составил 12 млрд долларов.", "dollar"),
        # interference in a third country is not election interference
        ("They called for an end to foreign interference in Libya.", "election-interference"),
        ("Осуждено иностранное вмешательство в дела Ливии.", "election-interference"),
        # the exchange of views the call itself continued is not a promise of contacts
        ("Продолжен обмен мнениями по ситуации на Украине.", "contacts"),
        # Europe's strategic autonomy is a stance of its own, not China-EU ties
        ("China hopes the EU will adhere to strategic autonomy.", "china-eu"),
        # a peace conference on Ukraine is neither world peace nor a summit of the two
        ("They discussed the international peace conference on Ukraine.", "world-peace"),
        ("He told him about preparations for the Peace Summit on Ukraine.", "summit"),
        # the partnership formula is the relationship, not a treaty
        ("They welcomed the comprehensive strategic partnership.", "bilateral-treaty"),
        ("Подтверждена нацеленность на углубление всеобъемлющего партнёрства.", "bilateral-treaty"),
        # a capitalised word joined to the next by a hyphen is a modifier, not a name
        ("He welcomed the recently released Indo-Pacific strategy.", "prisoners"),
        ("They agreed on the role of the G20 and BRICS.", "global-economy"),
        # the reform of global governance and China's "reform and opening-up" are not
        # a country's domestic politics
        (
            "Coordination added energy to the reform of the global governance system.",
            "domestic-politics",
        ),
        ("China will deepen reform and opening-up.", "domestic-politics"),
        ("Стороны выступают за реформы системы глобального управления.", "domestic-politics"),
        # fifth pass: the same words outside the formulas
        ("Trade has gained momentum this year.", "contacts"),
        ("The shelling along the line of contact continued.", "contacts"),
        ("They discussed a public-private partnership for infrastructure.", "bilateral-relations"),
        ("Отмечена роль государственно-частного партнёрства.", "bilateral-relations"),
        ("Инфляция достигла беспрецедентно высокого уровня.", "bilateral-relations"),
        ("В Минске прошли переговоры о транзите.", "ukraine"),
        ("They discussed the full recovery of the global economy.", "congratulations"),
        ("The economy made a swift recovery.", "condolences"),
        ("Стороны обсудили военно-политическую обстановку.", "defence-cooperation"),
        # "national" infrastructure is not a country's nationals
        ("The UK would help protect critical national infrastructure.", "evacuation"),
        ("They stressed the safety of critical national infrastructure.", "evacuation"),
        # a verb is not the participle made from it: condemning, detaining and concluding
        # are not prisoners
        ("Лидеры решительно осудили теракт.", "prisoners"),
        ("Стороны заключили соглашение о поставках.", "prisoners"),
        ("Соглашение было заключено в прошлом году.", "prisoners"),
        ("Полиция задержала подозреваемых.", "prisoners"),
        # the United Kingdom's full name names the country, not Northern Ireland
        (
            "He spoke with the Prime Minister of the United Kingdom of Great Britain and"
            " Northern Ireland.",
            "northern-ireland",
        ),
        (
            "Состоялся разговор с Премьер-министром Соединённого Королевства Великобритании"
            " и Северной Ирландии.",
            "northern-ireland",
        ),
    ],
)
def test_builtin_pack_leaves_near_misses_untagged(tag: Tag, text: str, topic_id: str) -> None:
    assert topic_id not in topic_ids(tag, text)


def test_builtin_pack_alliance_and_deterrence_are_one_issue() -> None:
    # One side names the alliance, the other the deterrence commitment: both are
    # defence cooperation, not a topic only one readout has.
    report = judged(
        "The two leaders agreed to strengthen the Japan-U.S. Alliance.",
        "President Biden reaffirmed his commitment to extended deterrence.",
    )
    assert [(t.topic.id, t.side) for t in report.topics] == [("defence-cooperation", Side.BOTH)]


def test_builtin_pack_peace_treaty_needs_the_south_caucasus_named() -> None:
    # "peace treaty" is a generic word of an anchored issue: without Armenia, Azerbaijan
    # or Karabakh in the call it does not make the South Caucasus a subject.
    report = judged(
        "They discussed a memorandum on a future peace treaty with Ukraine.",
        "The presidents discussed the war in Ukraine.",
    )
    assert "nagorno-karabakh" not in {t.topic.id for t in report.topics}


def test_builtin_pack_working_together_is_a_passing_mention() -> None:
    # "keep working together" on the war says nothing of the relationship: alone it
    # never makes the state of relations a one-sided topic.
    report = judged(
        "The leaders agreed to keep working together to end the war in Ukraine.",
        "The presidents discussed the war in Ukraine.",
    )
    assert "bilateral-relations" not in {t.topic.id for t in report.topics}


def test_builtin_pack_regional_agenda_never_stands_in_for_a_hotspot() -> None:
    # "regional issues" is how readouts introduce a conflict, not a subject: it is a
    # passing mention, so Myanmar named by one side stays that side's topic.
    report = judged(
        "The leaders discussed the situation in Myanmar.", "The leaders discussed regional issues."
    )
    assert [(t.topic.id, t.side) for t in report.topics] == [("regional-hotspots", Side.ONLY_A)]


def test_builtin_pack_core_interests_beside_an_issue_are_a_passing_mention() -> None:
    # "core interests" said of Taiwan gives the reason Taiwan matters: beside that issue
    # it never makes the defence of interests a one-sided topic.
    report = judged(
        "Xi stressed that the Taiwan question concerns China's core interests.",
        "The presidents discussed Taiwan.",
    )
    assert [(t.topic.id, t.side) for t in report.topics] == [("taiwan", Side.BOTH)]


def test_builtin_pack_atrocities_need_the_war_in_ukraine_named() -> None:
    # War crimes are a detail of the war in Ukraine, an anchored issue: in a call about
    # Gaza alone "atrocities" do not make that war a subject.
    report = judged(
        "He spoke of the atrocities committed by the terrorists.",
        "The leaders discussed the situation in Gaza.",
    )
    assert not {"war-crimes", "ukraine"} & {t.topic.id for t in report.topics}
