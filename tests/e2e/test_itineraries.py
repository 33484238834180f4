"""Trips told stop by stop: later sentences place the traveller in the next country without a
travel verb ("Erste Station ist ...", "In Taschkent sprach der Minister ...")."""

from __future__ import annotations

import pytest

import entityx


def _stops(events):
    return sorted((e.visitor.id or e.visitor.name, e.destination.country, e.destination.city, e.start)
                  for e in events)


@pytest.mark.parametrize("text, doc_date, expected", [
    # a region tour whose countries follow as stations
    ("Außenministerin Annalena Baerbock ist am Montag zu einer Reise nach Zentralasien aufgebrochen. "
     "Erste Station ist Kasachstan, wo Gespräche mit Außenminister Muchtar Tleuberdi geplant sind.",
     "2022-10-31", [("annalena-baerbock", "KZ", None, "2022-10-31")]),
    # a pronoun object and a generic reference instead of the name
    ("Bundesaußenminister Frank-Walter Steinmeier hatte am Montag eine Reise durch Zentralasien begonnen. "
     "In Astana verhandelte Steinmeier mit Präsident Nursultan Nasarbajew. "
     "Am Dienstag begrüßte ihn Außenminister Wladimir Norow in Taschkent. "
     "In Bischkek sprach der Minister am Mittwoch mit Präsident Kurmanbek Bakijew.",
     "2006-11-04", [("frank-walter-steinmeier", "KG", "Bischkek", "2006-11-01"),
                    ("frank-walter-steinmeier", "KZ", "Astana", "2006-10-30"),
                    ("frank-walter-steinmeier", "UZ", "Taschkent", "2006-10-31")]),
    # talks planned in the next city, only the locals named
    ("Außenminister Alexander Schallenberg reist am 24. Jänner nach Usbekistan. "
     "Am 25. und 26. Jänner sind Gespräche in Bischkek mit Präsident Sadyr Schaparow vorgesehen.",
     "2024-01-08", [("alexander-schallenberg", "KG", "Bischkek", "2024-01-25"),
                    ("alexander-schallenberg", "UZ", None, "2024-01-24")]),
])
def test_later_stops_of_a_trip_are_events(nlp, text, doc_date, expected):
    assert _stops(entityx.extract_events(text, doc_date=doc_date, nlp=nlp)) == expected


@pytest.mark.parametrize("text, doc_date", [
    # a country named as a topic, not a stop
    ("Sergej Lawrow reist am Montag zu Gesprächen nach Astana. "
     "Die Minister wollen auch über die Lage in Afghanistan beraten.", "2024-02-22"),
    # another foreign official in the next city: that is someone else's trip, not a stop
    ("Der chinesische Außenminister Wang Yi ist am Montag in Moskau eingetroffen. "
     "In Minsk sprach am selben Tag der ungarische Außenminister Péter Szijjártó mit Präsident Alexander Lukaschenko.",
     "2023-09-18"),
    # a stop that is only possible
    ("Olaf Scholz reist am Montag nach Peking. Ein Abstecher nach Shanghai ist nicht ausgeschlossen.",
     "2022-10-31"),
])
def test_no_extra_stop_for_topics_strangers_or_speculation(nlp, text, doc_date):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    first = events[0]
    others = [e for e in events if (e.visitor.id, e.destination.country) != (first.visitor.id, first.destination.country)]
    assert all(e.visitor.id != first.visitor.id for e in others)


@pytest.mark.parametrize("text, doc_date, expected", [
    # a video conference elsewhere in the sentence does not cancel the trip in its own clause
    ("Der ukrainische Präsident Wolodymyr Selenskyj war am Mittwoch nach Berlin gereist, wo er an einer Videokonferenz mit Trump teilnahm.",
     "2025-08-14", [("wolodymyr-selenskyj", "DE", "Berlin", "2025-08-13")]),
    # "sich aufhalten" and "zu Gesprächen in" place the visitor without a travel verb
    ("Die Delegation wird von Außenminister Sergej Lawrow geleitet, der sich vom 21. bis 23. September "
     "in New York aufhalten wird.", "2023-09-13", [("sergej-lawrow", "US", "New York", "2023-09-21")]),
    ("Als der britische Premierminister Tony Blair Ende April zu Gesprächen in Moskau war, "
     "kritisierte ihn Präsident Wladimir Putin offen.", "2003-06-24", [("tony-blair", "RU", "Moskau", None)]),
])
def test_visits_without_a_travel_verb(nlp, text, doc_date, expected):
    assert _stops(entityx.extract_events(text, doc_date=doc_date, nlp=nlp)) == expected


@pytest.mark.parametrize("text", [
    "Präsident Wladimir Putin nahm per Videoschalte am Gipfel in Johannesburg teil.",
    "Scholz und Macron berieten in einer Videokonferenz mit Biden über die Lage in der Ukraine.",
    "Lukaschenko telefonierte am Montag mit dem kasachischen Präsidenten Tokajew, der in Astana weilte.",
])
def test_video_and_phone_sentences_stay_without_events(nlp, text):
    assert entityx.extract_events(text, doc_date="2023-08-23", nlp=nlp) == []


def test_pronoun_follows_the_traveller_of_matching_gender(nlp):
    text = ("Am 20. August reiste Bundeskanzlerin Angela Merkel nach Moskau, wo sie mit Präsident Wladimir Putin "
            "sprach. Zwei Tage später empfing sie Präsident Wolodymyr Selenskyj in Kiew.")
    stops = _stops(entityx.extract_events(text, doc_date="2021-09-01", nlp=nlp))
    assert [(visitor, country) for visitor, country, _city, _start in stops] == [
        ("angela-merkel", "RU"), ("angela-merkel", "UA")]


@pytest.mark.parametrize("text, host", [
    ("Am Montag wurde der russische Außenminister Sergej Lawrow in Minsk von Präsident Alexander Lukaschenko "
     "empfangen und verhandelte anschließend mit Außenminister Sergej Alejnik.", "Sergej Alejnik"),
    ("In Luanda wurde Außenminister Sergej Lawrow von Präsident João Lourenço empfangen und verhandelte mit "
     "Außenminister Téte António über Rohstoffprojekte.", "Téte António"),
    # an explicit invitation names the host, whoever else is met
    ("Auf Einladung von Präsident Alexander Lukaschenko hält sich Außenminister Sergej Lawrow in Minsk auf, "
     "wo er auch mit Außenminister Sergej Alejnik zusammentrifft.", "Alexander Lukaschenko"),
])
def test_a_ministers_host_is_the_counterpart_unless_someone_invited(nlp, text, host):
    (event,) = entityx.extract_events(text, doc_date="2024-05-10", nlp=nlp)
    assert event.host.name == host


@pytest.mark.parametrize("text, doc_date, start, status", [
    ("Minsk (Reuters) - In Minsk haben am Mittwoch die Verhandlungen über eine Waffenruhe begonnen. "
     "Bundeskanzlerin Angela Merkel und der französische Präsident François Hollande kamen im "
     "Unabhängigkeitspalast mit Präsident Alexander Lukaschenko zusammen.", "2015-02-11", "2015-02-11", "ongoing"),
    ("In Astana beginnt am 3. Juli das Gipfeltreffen der SOZ. Der russische Präsident Wladimir Putin wird "
     "in der kasachischen Hauptstadt Präsident Kassym-Schomart Tokajew treffen.", "2024-07-01", "2024-07-03", "planned"),
])
def test_a_trip_without_a_day_takes_the_day_of_the_lead_sentence_about_its_place(nlp, text, doc_date, start, status):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    assert events and all((e.start, e.status) == (start, status) for e in events)


def test_the_lead_day_is_not_borrowed_for_another_place(nlp):
    text = ("In Minsk haben am Mittwoch Verhandlungen begonnen. Der russische Außenminister Sergej Lawrow "
            "traf in Peking seinen Amtskollegen Wang Yi.")
    (event,) = entityx.extract_events(text, doc_date="2015-02-11", nlp=nlp)
    assert event.destination.country == "CN" and event.start is None


@pytest.mark.parametrize("text, travellers", [
    ("Zum Gipfel in Neu-Delhi kam statt des chinesischen Staatschefs Xi Jinping Ministerpräsident Li Qiang.",
     ["li-qiang"]),
    ("Am G20-Gipfel in Neu-Delhi nimmt Kremlchef Wladimir Putin nicht persönlich teil; Putin, gegen den ein "
     "Haftbefehl vorliegt, ließ sich von Außenminister Sergej Lawrow vertreten, der am Freitag in Neu-Delhi eintraf.",
     ["sergej-lawrow"]),
])
def test_who_is_sent_instead_travels(nlp, text, travellers):
    events = entityx.extract_events(text, doc_date="2023-09-08", nlp=nlp)
    assert sorted(e.visitor.id for e in events) == travellers


def test_participants_join_the_articles_summit_not_one_named_in_passing(nlp):
    text = ("Chișinău (AFP) - Am Donnerstag sind rund 45 Staats- und Regierungschefs zum Gipfel der Europäischen "
            "Politischen Gemeinschaft in der Republik Moldau zusammengekommen. Der ukrainische Präsident Wolodymyr "
            "Selenskyj forderte, die Ukraine müsse beim Gipfel in Vilnius im Juli eingeladen werden. "
            "Am Gipfel nehmen unter anderen Bundeskanzler Olaf Scholz und der französische Präsident Emmanuel Macron teil.")
    events = entityx.extract_events(text, doc_date="2023-06-01", nlp=nlp)
    countries = {e.visitor.id: e.destination.country for e in events}
    assert countries["olaf-scholz"] == countries["emmanuel-macron"] == "MD"


def test_two_stays_in_one_country_months_apart_are_two_trips(nlp):
    text = ("Anfang Juli nahm Präsident Wladimir Putin in Astana am Gipfel der SOZ teil. "
            "Im Oktober reiste er nach Aschgabat. "
            "Die letzte Station war wieder Kasachstan: Ende November unterzeichnete Putin in Astana eine Erklärung.")
    events = entityx.extract_events(text, doc_date="2024-12-20", nlp=nlp)
    assert sorted(e.destination.country for e in events) == ["KZ", "KZ", "TM"]


def test_an_organization_in_a_title_is_not_a_topic_of_the_trip(nlp):
    text = ("Zur Parade in Moskau kamen am 9. Mai Bundeskanzler Gerhard Schröder und UN-Generalsekretär Kofi Annan. "
            "Am Rande sprach Schröder mit Präsident Wladimir Putin über die Energiepartnerschaft mit der EU.")
    events = {e.visitor.id: e for e in entityx.extract_events(text, doc_date="2005-05-09", nlp=nlp)}
    # Annan travels for the UN; the UN in his title is no topic of Schröder's trip
    assert [o.id for o in events["kofi-annan"].organizations] == ["UN"]
    assert [o.id for o in events["gerhard-schroeder"].organizations] == ["EU"]


def test_a_postponed_trip_and_its_new_date_are_one_trip(nlp):
    text = ("US-Außenminister Antony Blinken ist am Sonntag zu Gesprächen in Peking eingetroffen. Ursprünglich "
            "hatte Blinken bereits im Februar nach Peking reisen wollen, die Reise aber verschoben.")
    events = entityx.extract_events(text, doc_date="2023-06-18", nlp=nlp)
    assert [(e.visitor.id, e.destination.country) for e in events] == [("antony-blinken", "CN")]


def test_a_stay_ends_on_the_day_of_leaving(nlp):
    text = ("Am 5. Mai landete Staatschef Xi Jinping zum Staatsbesuch in Paris, tags darauf empfing ihn Präsident "
            "Emmanuel Macron. Von dort flog Xi am 7. Mai nach Serbien, wo ihn Präsident Aleksandar Vučić empfing.")
    events = {e.destination.country: e for e in entityx.extract_events(text, doc_date="2024-05-12", nlp=nlp)}
    assert (events["FR"].start, events["FR"].end) == ("2024-05-05", "2024-05-07")
    assert events["RS"].start == "2024-05-07"


def test_a_list_of_countries_after_nach_gives_one_trip_each(nlp):
    text = ("Im Januar führte Chinas neuer Außenminister Qin Gang seine erste Auslandsreise nach Äthiopien, "
            "Gabun, Angola, Benin und Ägypten.")
    events = entityx.extract_events(text, doc_date="2023-03-06", nlp=nlp)
    assert sorted(e.destination.country for e in events) == ["AO", "BJ", "EG", "ET", "GA"]
    assert {e.status for e in events} == {"completed"}  # January, told in March


@pytest.mark.parametrize("text", [
    "Ob sich Präsident Donald Trump und Xi Jinping im Oktober in Südkorea treffen, ist weiter offen.",
    "Präsident Cyril Ramaphosa lud Donald Trump zum Gipfel nach Johannesburg ein; ob er kommt, ließ das Weiße Haus offen.",
])
def test_open_questions_are_no_trips(nlp, text):
    assert entityx.extract_events(text, doc_date="2025-05-21", nlp=nlp) == []


def test_summit_guests_with_the_place_only_in_the_dateline(nlp):
    text = ("Johannesburg (dpa) - Im Sandton Convention Centre hat am Dienstag der Gipfel der BRICS-Staaten begonnen. "
            "Ebenfalls erwartet wird die Regierungschefin von Bangladesch, Sheikh Hasina. "
            "Der argentinische Präsident Alberto Fernández sagte seine Teilnahme kurzfristig ab. "
            "Der saudische Kronprinz Mohammed bin Salman lässt sich von Außenminister Faisal bin Farhan vertreten.")
    events = {e.visitor.id: e for e in entityx.extract_events(text, doc_date="2023-08-22", nlp=nlp)}
    assert {k: (e.destination.country, e.status) for k, e in events.items()} == {
        "sheikh-hasina": ("ZA", "ongoing"), "alberto-fernandez": ("ZA", "cancelled"),
        "faisal-bin-farhan": ("ZA", "ongoing")}


def test_a_date_anchoring_another_event_is_not_the_trips(nlp):
    text = "Nach der Amtseinführung am 7. Mai führte Präsident Wladimir Putin die erste Reise nach China."
    (event,) = entityx.extract_events(text, doc_date="2024-12-20", nlp=nlp)
    assert event.start is None


@pytest.mark.parametrize("text, expected", [
    # a title, a known surname and one more name: someone else of that surname
    ("Bundespräsident Alain Berset hat in Zürich den chinesischen Vizepremier Liu He empfangen.",
     [("Alain Berset", "alain-berset"), ("Liu He", None)]),
    ("Außenminister Lawrow traf in Minsk ein.", [("Lawrow", "sergej-lawrow")]),
    # the surname runs on into a longer name or a place
    ("In Khartum traf Lawrow Außenminister Ali al-Sadiq.", [("Lawrow", "sergej-lawrow")]),
    ("Die Delegationen verhandelten im Palacio de Santa Cruz.", []),
])
def test_a_surname_with_another_given_name_is_not_linked(nlp, text, expected):
    found = [(e.text, e.id) for e in entityx.extract_entities(text, doc_date="2023-01-16", nlp=nlp)
             if e.label == "OFFICIAL"]
    assert found == expected


def test_er_in_a_texts_first_trip(nlp):
    text = ("Brasiliens Präsident Luiz Inácio Lula da Silva hat bereits drei Kontinente bereist. Am Mittwoch hält "
            "er sich auf Einladung von Ministerpräsident Pedro Sánchez in Madrid auf.")
    events = entityx.extract_events(text, doc_date="2023-04-26", nlp=nlp)
    assert [(e.visitor.id, e.destination.country, e.host.id) for e in events] == [
        ("luiz-inacio-lula-da-silva", "ES", "pedro-sanchez")]


def test_having_been_somewhere_is_a_past_trip(nlp):
    text = "UN-Generalsekretär António Guterres, der im April in Ankara gewesen war, warb für das Abkommen."
    events = entityx.extract_events(text, doc_date="2022-10-14", nlp=nlp)
    assert [(e.visitor.id, e.destination.country, e.status) for e in events] == [("antonio-guterres", "TR", "completed")]


def test_stops_after_a_summit_and_listed_stations(nlp):
    text = ("Die Afrika-Tour hatte am 1. März in Gabun begonnen. In Libreville nahm Präsident Emmanuel Macron am "
            "Gipfel zum Schutz der Tropenwälder teil. Am Freitag machte Macron Station in Angola. "
            "Im Juli 2022 hatte er drei Länder besucht, Stationen waren Jaunde, Cotonou und Bissau.")
    events = entityx.extract_events(text, doc_date="2023-03-06", nlp=nlp)
    assert sorted(e.destination.country for e in events if e.visitor.id == "emmanuel-macron") == [
        "AO", "BJ", "CM", "GA", "GW"]


def test_a_later_stop_takes_the_date_of_the_clause_before_it(nlp):
    text = ("Am 5. Februar waren Bundeskanzlerin Angela Merkel und Präsident François Hollande in Kiew mit "
            "Präsident Petro Poroschenko zusammengetroffen, tags darauf, am 6. Februar, verhandelten sie in "
            "Moskau mit Präsident Wladimir Putin.")
    events = {(e.visitor.id, e.destination.country): e.start for e in entityx.extract_events(text, doc_date="2015-02-11", nlp=nlp)}
    assert events[("angela-merkel", "UA")] == "2015-02-05"
    assert events[("angela-merkel", "RU")] == "2015-02-06"


@pytest.mark.parametrize("text, doc_date, expected", [
    pytest.param("Im Juli besuchte Präsident Wladimir Putin die Mongolei, wo ihn Präsident Uchnaagiin Chürelsüch in "
                 "Ulan Bator empfing. Im Oktober reiste er zu einem Forum nach Aschgabat.", "2024-12-20",
                 [("wladimir-putin", "MN"), ("wladimir-putin", "TM")], id="er-after-a-host-sentence"),
    pytest.param("In Astana hat am Mittwoch der Gipfel der SOZ begonnen. Nach dem Gipfel reist Xi Jinping zu einem "
                 "Staatsbesuch nach Tadschikistan weiter. An der Sitzung nehmen auch die Präsidenten Usbekistans, "
                 "Schawkat Mirsijojew, und Kirgisistans, Sadyr Schaparow, teil.", "2024-07-03",
                 [("sadyr-schaparow", "KZ"), ("schawkat-mirsijojew", "KZ"), ("xi-jinping", "TJ")],
                 id="after-the-summit-is-a-time"),
    pytest.param("Chinas Chefdiplomat Wang Yi war am 15. Februar in Paris von Präsident Emmanuel Macron empfangen "
                 "worden. Macron bestätigte dabei, dass er Anfang April nach China reisen werde. Die nächste Station "
                 "war Rom. Von dort ging es weiter nach München. Den Abschluss bildete der Aufenthalt in Russland "
                 "vom 21. bis 22. Februar.", "2023-02-24",
                 [("emmanuel-macron", "CN"), ("wang-yi", "DE"), ("wang-yi", "FR"), ("wang-yi", "IT"), ("wang-yi", "RU")],
                 id="main-traveller-goes-on"),
    pytest.param("Präsident Kassym-Schomart Tokajew ist am Donnerstag zu einem offiziellen Besuch in Deutschland "
                 "eingetroffen. Bundespräsident Frank-Walter Steinmeier hatte Kasachstan im Juni besucht. Am Freitag "
                 "nimmt das Staatsoberhaupt am Gipfeltreffen in Berlin teil, zu dem Bundeskanzler Olaf Scholz "
                 "eingeladen hat.", "2023-09-28",
                 [("frank-walter-steinmeier", "KZ"), ("kassym-schomart-tokajew", "DE")], id="inviter-and-bare-office"),
    pytest.param("Am Donnerstag traf der türkische Präsident Recep Tayyip Erdoğan in Astana Kremlchef Wladimir Putin.",
                 "2022-10-14", [("recep-tayyip-erdogan", "KZ"), ("wladimir-putin", "KZ")], id="third-country-meeting"),
    pytest.param("Präsident Alexander Lukaschenko nimmt am Donnerstag in Astana an der Tagung der OVKS teil. "
                 "Am Rande ist ein Treffen mit dem russischen Präsidenten Wladimir Putin geplant.", "2024-11-27",
                 [("alexander-lukaschenko", "KZ"), ("wladimir-putin", "KZ")], id="met-on-the-sidelines"),
    pytest.param("Zum Gipfel in Astana traf Indiens Außenminister Subrahmanyam Jaishankar am Mittwoch ein; "
                 "Premierminister Narendra Modi nimmt nicht teil.", "2024-07-03",
                 [("subrahmanyam-jaishankar", "KZ")], id="negated-clause-stays-home"),
    pytest.param("Bundeskanzler Olaf Scholz ist am Freitag aus Peking nach Berlin zurückgekehrt.", "2024-07-03",
                 [("olaf-scholz", "CN")], id="returning-from"),
    pytest.param("Nach dem Gipfel in Hiroshima will Präsident Joe Biden direkt nach Washington zurückkehren, "
                 "sagte Ministerpräsident Fumio Kishida.", "2024-07-03", [("joe-biden", "JP")], id="returning-home"),
    pytest.param("Der turkmenische Präsident Serdar Berdimuhamedow blieb dem Gipfel in Bischkek fern; für sein Land "
                 "reiste sein Vater Gurbanguly Berdimuhamedow an.", "2024-11-06",
                 [("gurbanguly-berdimuhamedow", "KG")], id="stayed-away"),
    pytest.param("UN-Generalsekretär António Guterres wurde am 26. April im Kreml von Präsident Wladimir Putin "
                 "empfangen.", "2024-11-06", [("antonio-guterres", "RU")], id="receiver-stays"),
    pytest.param("Nach dem Moskau-Besuch stellte EU-Ratspräsident Charles Michel klar, Ungarn habe kein Mandat.",
                 "2024-07-12", [], id="visit-noun-as-a-time"),
    pytest.param("Die Beziehungen haben sich seit dem Besuch von Präsident Emmerson Mnangagwa in Minsk im Januar "
                 "2019 belebt.", "2024-07-12", [("emmerson-mnangagwa", "BY")], id="whose-visit-is-said"),
    pytest.param("Am 20. Januar nahm Vizepräsident Han Zheng an der Amtseinführung von Donald Trump in Washington "
                 "teil, zu der Xi Jinping eingeladen worden war.", "2025-01-22", [("han-zheng", "US")],
                 id="invitee-only-invited"),
    pytest.param("Auf der Münchner Sicherheitskonferenz traf Chinas Chefdiplomat Wang Yi am 18. Februar "
                 "US-Außenminister Antony Blinken.", "2023-02-20", [("antony-blinken", "DE"), ("wang-yi", "DE")],
                 id="city-adjective"),
    pytest.param("UN-Generalsekretär António Guterres warb für das Abkommen. Der Portugiese war zuvor nach Ankara "
                 "gereist.", "2022-10-14", [("antonio-guterres", "TR")], id="nationality-noun"),
    pytest.param("Die Deutsche Bahn reist nach Ankara.", "2022-10-14", [], id="nationality-adjective-is-no-person"),
    pytest.param("Sowohl Präsident Emmanuel Macron als auch Bundeskanzler Olaf Scholz sind nach Vilnius gereist.",
                 "2023-07-11", [("emmanuel-macron", "LT"), ("olaf-scholz", "LT")], id="sowohl-als-auch"),
    pytest.param("In Johannesburg begrüßte Präsident Cyril Ramaphosa den brasilianischen Präsidenten Luiz Inácio Lula "
                 "da Silva, der bereits am Montag gelandet war, und Indiens Premierminister Narendra Modi.",
                 "2023-08-22", [("luiz-inacio-lula-da-silva", "ZA"), ("narendra-modi", "ZA")],
                 id="relative-clause-inside-a-guest-list"),
    pytest.param("Außenminister Sergej Lawrow, der am Montag seinen Geburtstag gefeiert hatte, und "
                 "Verteidigungsminister Sergej Schoigu reisten am Mittwoch nach Minsk.", "2022-06-01",
                 [("sergej-lawrow", "BY"), ("sergej-schoigu", "BY")], id="relative-clause-between-travellers"),
    pytest.param("In Kasan hat am Dienstag der Gipfel der BRICS-Staaten begonnen. Gastgeber ist Präsident Wladimir "
                 "Putin. Die Erweiterung der Gruppe steht im Mittelpunkt. Es geht auch um Zahlungssysteme. Zum "
                 "Treffen im erweiterten Format werden am Donnerstag weitere Gäste erwartet. Darunter sind "
                 "UN-Generalsekretär António Guterres und der türkische Präsident Recep Tayyip Erdoğan.",
                 "2024-10-22", [("antonio-guterres", "RU"), ("recep-tayyip-erdogan", "RU")],
                 id="guests-announced-then-listed"),
    pytest.param("In Kasan hat am Dienstag der Gipfel der BRICS-Staaten begonnen. Gastgeber ist Präsident Wladimir "
                 "Putin. Die Erweiterung der Gruppe steht im Mittelpunkt. Es geht auch um Zahlungssysteme. Kritik "
                 "kam von UN-Generalsekretär António Guterres und dem türkischen Präsidenten Recep Tayyip Erdoğan.",
                 "2024-10-22", [], id="leaders-named-later-without-announcement"),
    # who takes part from afar or stays away
    pytest.param("London (AFP) - Premierminister Keir Starmer hat am Samstag zu einer Videokonferenz über die "
                 "Ukraine eingeladen. Aus dem Kanzleramt in Berlin nahm Bundeskanzler Olaf Scholz teil, aus dem "
                 "Élysée-Palast Präsident Emmanuel Macron. Zugeschaltet waren auch Präsident Wolodymyr Selenskyj "
                 "und Ministerpräsidentin Giorgia Meloni.", "2025-07-06",
                 [], id="taking-part-in-a-video-conference"),
    pytest.param("Berlin (dpa) - Bundeskanzler Olaf Scholz hat am Montag mit Präsident Emmanuel Macron telefoniert. "
                 "Am Dienstag reist Scholz nach Paris.", "2025-07-06",
                 [("olaf-scholz", "FR")], id="a-trip-after-a-phone-call"),
    pytest.param("Rio de Janeiro (dpa) - Am Sonntag hat in Rio de Janeiro der Gipfel der BRICS-Staaten begonnen. "
                 "Präsident Wladimir Putin ist per Video zugeschaltet. Persönlich anwesend sind Präsident Cyril "
                 "Ramaphosa und Premierminister Narendra Modi.", "2025-07-06",
                 [("cyril-ramaphosa", "BR"), ("narendra-modi", "BR")], id="one-leader-on-video-at-a-summit-on-site"),
    pytest.param("Berlin/Kiew (dpa) - Ohne Bundespräsident Frank-Walter Steinmeier sind die Präsidenten Andrzej Duda "
                 "und Gitanas Nausėda am Mittwoch nach Kiew gereist.", "2025-07-06",
                 [("andrzej-duda", "UA"), ("gitanas-nauseda", "UA")], id="ohne"),
    # summits held and their guests
    pytest.param("Johannesburg (Reuters) - Zum ersten Mal findet ein Gipfel der G20 in Afrika statt. Zu den Gästen, "
                 "die der Gastgeber am Morgen begrüßte, zählten Bundeskanzler Friedrich Merz und der französische "
                 "Präsident Emmanuel Macron.", "2025-11-21",
                 [("emmanuel-macron", "ZA"), ("friedrich-merz", "ZA")], id="guests-of-a-summit-held-in-the-dateline-city"),
    pytest.param("Brüssel (dpa) - Am Donnerstag findet in Brüssel ein Gipfeltreffen der EU mit den Staaten des "
                 "Westbalkans statt. Der serbische Präsident Aleksandar Vučić ist bereits angereist.", "2025-11-21",
                 [("aleksandar-vucic", "BE")], id="a-summit-that-takes-place"),
    pytest.param("Johannesburg (Reuters) - Präsident Cyril Ramaphosa hat am Freitag Bundeskanzler Friedrich Merz "
                 "empfangen.", "2025-11-21",
                 [("friedrich-merz", "ZA")], id="a-plain-reception-still-has-its-receiver"),
    # an organization official is at home at its seat
    pytest.param("Bundeskanzler Friedrich Merz war am Freitag in Brüssel, wo er NATO-Generalsekretär Mark Rutte und "
                 "Ratspräsident António Costa traf.", "2025-05-09",
                 [("friedrich-merz", "BE")], id="officials-of-an-organization-at-its-seat"),
    pytest.param("NATO-Generalsekretär Mark Rutte ist am Montag nach Kiew gereist.", "2025-04-14",
                 [("mark-rutte", "UA")], id="the-same-official-abroad"),
    # the one sent travels not the sender
    pytest.param("Rio de Janeiro (dpa) - In Rio de Janeiro hat am Sonntag der Gipfel der BRICS-Staaten begonnen. "
                 "Der ägyptische Präsident Abdel Fattah al-Sisi schickte Ministerpräsident Mustafa Madbuli.", "2025-07-06",
                 [("mustafa-madbuli", "BR")], id="sent-to-the-summit"),
    pytest.param("Rio de Janeiro (dpa) - In Rio de Janeiro hat am Sonntag der Gipfel der BRICS-Staaten begonnen. "
                 "Chinas Staatschef Xi Jinping hat Ministerpräsident Li Qiang geschickt.", "2025-07-06",
                 [("li-qiang", "BR")], id="sent-perfekt"),
    pytest.param("Bundeskanzler Olaf Scholz schickte Außenministerin Annalena Baerbock nach Kiew.", "2025-07-06",
                 [("annalena-baerbock", "UA")], id="sent-with-a-destination"),
    # representatives travel
    pytest.param("Rio de Janeiro (dpa) - In Rio de Janeiro hat am Sonntag der Gipfel der BRICS-Staaten begonnen. "
                 "Staats- und Parteichef Xi Jinping bleibt dem Gipfel fern und lässt sich von Ministerpräsident Li "
                 "Qiang vertreten.", "2025-07-06",
                 [("li-qiang", "BR")], id="stays-away-and-is-represented"),
    pytest.param("Rio de Janeiro (dpa) - In Rio de Janeiro hat am Sonntag der Gipfel der BRICS-Staaten begonnen. "
                 "Kremlchef Wladimir Putin ist per Video zugeschaltet; vor Ort vertritt ihn Außenminister Sergej "
                 "Lawrow.", "2025-07-06",
                 [("sergej-lawrow", "BR")], id="represents-him-on-site"),
    pytest.param("Rio de Janeiro (dpa) - In Rio de Janeiro hat am Sonntag der Gipfel der BRICS-Staaten begonnen. "
                 "Außenminister Sergej Lawrow vertritt die Interessen Russlands seit Jahren mit Härte.", "2025-07-06",
                 [], id="represents-interests"),
    # topics, questions and speakers are no trips
    pytest.param("Am Rande des Gipfels in Johannesburg berieten Bundeskanzler Friedrich Merz und Präsident Emmanuel "
                 "Macron über den Plan für ein Ende des Kriegs in der Ukraine.", "2025-07-03",
                 [("emmanuel-macron", "ZA"), ("friedrich-merz", "ZA")], id="topic-after-ueber"),
    pytest.param("Bundeskanzlerin Angela Merkel reist am Freitag nach Sotschi. Themen seien der Krieg in Syrien und "
                 "die Lage in der Ostukraine, sagte sie.", "2025-07-03",
                 [("angela-merkel", "RU")], id="topic-nouns-before-in"),
    pytest.param("Außenministerin Annalena Baerbock reiste am Montag über Warschau nach Kiew.", "2025-07-03",
                 [("annalena-baerbock", "UA")], id="route-after-ueber"),
    pytest.param("Frage: Wird Präsident Xi Jinping am BRICS-Gipfel in Rio de Janeiro teilnehmen?", "2025-07-03",
                 [], id="a-question"),
    pytest.param("Frage: Wird Präsident Xi Jinping am BRICS-Gipfel in Rio de Janeiro teilnehmen?\n\nAntwort: Dazu "
                 "informieren wir zu gegebener Zeit.", "2025-07-03",
                 [], id="a-question-before-a-paragraph-break"),
    pytest.param("Ein Besuch von Außenminister Johann Wadephul in Astana sei „im Gespräch“, hieß es.", "2025-07-03",
                 [], id="im-gespraech"),
    pytest.param("Mao Ning: Ministerpräsident Li Qiang wird vom 5. bis 8. Juli am Gipfeltreffen der BRICS in Rio "
                 "de Janeiro teilnehmen.", "2025-07-03",
                 [("li-qiang", "BR")], id="speaker-label-of-a-transcript"),
    # arrivals at a summit, and who is represented
    pytest.param("Jakarta (dpa) - In Jakarta hat am Dienstag der Gipfel der ASEAN begonnen. Bereits am Dienstagabend "
                 "traf Chinas Ministerpräsident Li Qiang ein.", "2023-09-05", [("li-qiang", "ID")],
                 id="arrival-without-a-place-at-a-summit"),
    pytest.param("Jakarta (dpa) - In Jakarta hat am Dienstag der Gipfel der ASEAN begonnen. Erwartet wird "
                 "US-Vizepräsidentin Kamala Harris, die Präsident Joe Biden vertritt.", "2023-09-05",
                 [("kamala-harris", "ID")], id="the-one-represented-in-a-relative-clause"),
    # delegations and representation
    pytest.param("Minsk (BelTA) - In Minsk hat am Donnerstag der Gipfel der EAWU begonnen. Russland wird durch "
                 "Ministerpräsident Michail Mischustin vertreten.", "2025-06-26",
                 [("michail-mischustin", "BY")], id="durch"),
    pytest.param("Minsk (BelTA) - In Minsk hat am Donnerstag der Gipfel der EAWU begonnen. Usbekistan ist mit "
                 "Ministerpräsident Abdulla Aripow vertreten.", "2025-06-26",
                 [("abdulla-aripow", "BY")], id="mit"),
    pytest.param("Minsk (BelTA) - In Minsk hat am Donnerstag der Gipfel der EAWU begonnen. Präsident Wladimir Putin "
                 "wird von Ministerpräsident Michail Mischustin vertreten.", "2025-06-26",
                 [("michail-mischustin", "BY")], id="von-passive"),
    pytest.param("Astana (AFP) - In Astana hat am Donnerstag das Gipfeltreffen der Staaten Zentralasiens begonnen. "
                 "Zugesagt haben Präsident Emomali Rachmon und Präsident Sooronbai Dscheenbekow.", "2025-06-26",
                 [("emomali-rachmon", "KZ"), ("sooronbai-dscheenbekow", "KZ")], id="zugesagt"),
    pytest.param("Kasan (AFP) - In Kasan hat am Dienstag der Gipfel der BRICS-Staaten begonnen. Vor Ort leitet "
                 "Außenminister Mauro Vieira die brasilianische Delegation.", "2025-06-26",
                 [("mauro-vieira", "RU")], id="heads-the-delegation"),
    pytest.param("Samarkand (Reuters) - In Samarkand hat am Freitag der Gipfel begonnen. Präsident Schawkat "
                 "Mirsijojew begrüßte die Präsidenten der Nachbarländer: Kassym-Schomart Tokajew aus Kasachstan "
                 "und Sadyr Schaparow aus Kirgistan.", "2025-06-26",
                 [("kassym-schomart-tokajew", "UZ"), ("sadyr-schaparow", "UZ")], id="list-with-origins"),
])
def test_who_travels_where(nlp, text, doc_date, expected):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    assert sorted((e.visitor.id or e.visitor.name, e.destination.country) for e in events) == expected


def test_gender_comes_from_the_gazetteer_not_the_office_label(nlp):
    # "sie" after a man's trip finds the woman told before (gender from the gazetteer)
    text = ("Außenministerin Annalena Baerbock ist am Montag in Peking eingetroffen. Bundeskanzler Olaf Scholz "
            "hatte China im November besucht. Am Dienstag reiste sie weiter nach Tianjin.")
    events = entityx.extract_events(text, doc_date="2023-04-13", nlp=nlp)
    assert ("annalena-baerbock", "CN") in {(e.visitor.id, e.destination.country) for e in events}
    assert all(e.visitor.id != "olaf-scholz" or e.start != "2023-04-18" for e in events)


@pytest.mark.parametrize("text, doc_date, expected", [
    pytest.param("Brüssel (dpa) - Am Mittwoch hat in Brüssel der EU-Gipfel begonnen, der bis Freitag dauert. "
                 "Angereist ist auch Präsident Wolodymyr Selenskyj.", "2023-03-22",
                 ("2023-03-22", "2023-03-24", "ongoing"), id="begun-and-lasting-until"),
    pytest.param("Präsident Kassym-Schomart Tokajew trifft am Montag zu einem Besuch in Berlin ein, der bis "
                 "Mittwoch dauern soll.", "2023-09-25", ("2023-09-25", "2023-09-27", "ongoing"),
                 id="arrival-and-stay-until"),
    pytest.param("Außenministerin Annalena Baerbock ist am Montag nach Peking gereist. Bis Freitag hatte sie "
                 "Termine in Berlin.", "2023-04-13", ("2023-04-10", "2023-04-10", "completed"),
                 id="until-in-another-sentence-is-not-the-end"),
])
def test_a_day_and_a_later_until_day_bound_one_stay(nlp, text, doc_date, expected):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    assert [(e.start, e.end, e.status) for e in events] == [expected]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Der argentinische Präsident Alberto Fernández sagte seine Teilnahme am Gipfel in Johannesburg ab, "
                 "für Argentinien reist Außenminister Santiago Cafiero an.",
                 {"alberto-fernandez": "cancelled", "santiago-cafiero": "planned"}, id="cancelled-and-substitute"),
    pytest.param("Präsident Emmanuel Macron und Bundeskanzler Olaf Scholz haben ihre Reise nach Peking abgesagt.",
                 {"emmanuel-macron": "cancelled", "olaf-scholz": "cancelled"}, id="both-cancel"),
])
def test_a_cancellation_holds_for_its_own_clause(nlp, text, expected):
    events = entityx.extract_events(text, doc_date="2023-08-20", nlp=nlp)
    assert {e.visitor.id: e.status for e in events} == expected


@pytest.mark.parametrize("text, doc_date, visitor, met", [
    pytest.param("Bundeskanzlerin Angela Merkel reiste am 20. August nach Moskau, wo sie mit Präsident Wladimir "
                 "Putin über Afghanistan sprach.", "2021-08-21", "angela-merkel", ["wladimir-putin"],
                 id="mit-in-the-trip-sentence"),
    pytest.param("Außenministerin Annalena Baerbock ist am Montag nach Kiew gereist. Mit Außenminister Dmytro "
                 "Kuleba sprach sie über Munition.", "2023-09-11", "annalena-baerbock", ["dmytro-kuleba"],
                 id="mit-in-a-later-sentence"),
    pytest.param("Außenministerin Annalena Baerbock ist am Montag nach Kiew gereist. Mit Außenminister Wang Yi "
                 "hatte sie zuvor telefoniert.", "2023-09-11", "annalena-baerbock", [],
                 id="foreign-partner-on-the-phone-is-not-met"),
])
def test_a_local_named_after_mit_is_met(nlp, text, doc_date, visitor, met):
    events = [e for e in entityx.extract_events(text, doc_date=doc_date, nlp=nlp) if e.visitor.id == visitor]
    assert [p.id for p in events[0].meetings] == met


@pytest.mark.parametrize("text, doc_date, visitor, expected", [
    pytest.param("Paris (AFP) - Präsident Emmanuel Macron hat am Mittwoch Kasachstan besucht. Präsident François "
                 "Hollande war 2014 nach Kasachstan gereist.", "2023-11-02", "francois-hollande",
                 (None, "completed"), id="past-year-borrows-no-day"),
    pytest.param("Berlin (dpa) - Bundeskanzler Olaf Scholz ist am Montag in Peking eingetroffen. Im Jahr 2019 "
                 "war Präsident Xi Jinping nach Italien gereist.", "2022-11-04", "xi-jinping",
                 (None, "completed"), id="im-jahr"),
    pytest.param("Minsk (BelTA) - Präsident Alexander Lukaschenko ist am Montag in Moskau eingetroffen. Putin "
                 "und Lukaschenko wollen 2026 zusammen nach Kasachstan reisen.", "2025-03-03",
                 "alexander-lukaschenko", (None, "planned"), id="future-year"),
])
def test_a_bare_year_keeps_the_lead_day_away(nlp, text, doc_date, visitor, expected):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    found = [(e.start, e.status) for e in events if e.visitor.id == visitor and e.destination.country != "RU"
             and e.destination.country != "CN"]
    assert found == [expected]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Präsident Wladimir Putin hat im Kasaner Kreml den indischen Premierminister Narendra Modi empfangen.",
                 ("IN", "RU", "Kasan"), id="city-adjective-before-a-landmark"),
    pytest.param("Präsident Wladimir Putin hat im Kreml den indischen Premierminister Narendra Modi empfangen.",
                 ("IN", "RU", "Moskau"), id="the-landmark-alone"),
])
def test_a_city_adjective_names_the_landmarks_city(nlp, text, expected):
    (event,) = entityx.extract_events(text, doc_date="2024-10-22", nlp=nlp)
    assert (event.visitor.country, event.destination.country, event.destination.city) == expected


def test_summit_guests_stay_until_the_summit_ends(nlp):
    text = ("Neu-Delhi (dpa) - In Neu-Delhi hat am Samstag der zweitägige G20-Gipfel begonnen, der bis Sonntag "
            "dauert. Angereist sind unter anderen US-Präsident Joe Biden und Bundeskanzler Olaf Scholz. "
            "Präsident Emmanuel Macron war bereits am Freitag gelandet.")
    events = {e.visitor.id: (e.start, e.end) for e in entityx.extract_events(text, doc_date="2023-09-09", nlp=nlp)}
    assert events["joe-biden"] == ("2023-09-09", "2023-09-10")
    assert events["olaf-scholz"] == ("2023-09-09", "2023-09-10")


def test_an_undated_summit_takes_the_day_of_its_opening(nlp):
    text = ("Johannesburg (Reuters) - Zum ersten Mal findet ein Gipfel der G20 in Afrika statt. Präsident Cyril "
            "Ramaphosa eröffnete das Treffen am Samstag. Für die EU nehmen Kommissionspräsidentin Ursula von der "
            "Leyen und Ratspräsident António Costa teil.")
    events = {e.visitor.id: e.start for e in entityx.extract_events(text, doc_date="2025-11-22", nlp=nlp)}
    assert events == {"ursula-von-der-leyen": "2025-11-22", "antonio-costa": "2025-11-22"}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Am 13. Mai traf Präsident Wolodymyr Selenskyj in Rom Ministerpräsidentin Giorgia Meloni. Noch am "
                 "Abend flog er weiter nach Berlin.", {"IT": "2023-05-13", "DE": "2023-05-13"}, id="noch-am-abend"),
    pytest.param("Am 13. Mai traf Präsident Wolodymyr Selenskyj in Rom Ministerpräsidentin Giorgia Meloni. Später "
                 "flog er weiter nach Berlin.", {"IT": "2023-05-13", "DE": None}, id="no-part-of-day"),
])
def test_a_stop_later_that_day(nlp, text, expected):
    events = {e.destination.country: e.start for e in entityx.extract_events(text, doc_date="2023-05-15", nlp=nlp)}
    assert events == expected


def test_an_organization_official_travels_for_the_organization(nlp):
    events = entityx.extract_events("UN-Generalsekretär António Guterres ist am Montag nach Istanbul gereist.",
                                    doc_date="2022-07-22", nlp=nlp)
    assert [[o.id for o in e.organizations] for e in events] == [["UN"]]


def test_an_organization_official_hosts_at_its_seat(nlp):
    text = "Bundeskanzler Friedrich Merz war am Freitag in Brüssel, wo ihn Kommissionspräsidentin Ursula von der Leyen empfing."
    (event,) = entityx.extract_events(text, doc_date="2025-05-09", nlp=nlp)
    assert (event.visitor.id, event.destination.country, event.host.id) == ("friedrich-merz", "BE", "ursula-von-der-leyen")


def test_zu_gast_bei_names_the_host(nlp):
    text = ("Am 19. Juli war Kremlchef Wladimir Putin in Teheran zu Gast bei Präsident Ebrahim Raisi; "
            "auch Ajatollah Ali Chamenei empfing ihn.")
    (event,) = entityx.extract_events(text, doc_date="2022-07-20", nlp=nlp)
    assert event.host.id == "ebrahim-raisi"


@pytest.mark.parametrize("text, expected", [
    pytest.param("Genf war 1985 Schauplatz des Gipfels mit dem sowjetischen Generalsekretär Michail Gorbatschow.",
                 [("Michail Gorbatschow", "")], id="first-name-after-a-title-is-no-misspelt-surname"),
    pytest.param("Außenminister Nikola Dimitrov traf am Montag in Sofia ein.", [("Nikola Dimitrov", "")],
                 id="another-first-name-before-a-known-surname"),
    pytest.param("Außenminister Sergej Lawrow reiste ab. Danach sprach Lawrow.",
                 [("Sergej Lawrow", "sergej-lawrow"), ("Lawrow", "sergej-lawrow")], id="own-first-name"),
])
def test_who_a_name_links_to(nlp, text, expected):
    doc = nlp(text)
    assert [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "OFFICIAL"] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Präsident Wladimir Putin reist am Donnerstag zu einem Staatsbesuch nach Belgrad. Zur Delegation "
                 "gehört nach Angaben des Kremls auch Außenminister Sergej Lawrow.",
                 [("sergej-lawrow", "RS", "2019-01-17"), ("wladimir-putin", "RS", "2019-01-17")], id="member"),
    pytest.param("Präsident Wladimir Putin reist am Donnerstag zu einem Staatsbesuch nach Belgrad. Außenminister "
                 "Sergej Lawrow gehört zu den Kritikern des Abkommens.",
                 [("wladimir-putin", "RS", "2019-01-17")], id="belonging-to-critics"),
])
def test_members_of_a_delegation_travel_with_it(nlp, text, expected):
    events = entityx.extract_events(text, doc_date="2019-01-15", nlp=nlp)
    assert sorted((e.visitor.id, e.destination.country, e.start) for e in events) == expected


def test_a_return_home_frames_nothing_and_an_older_trip_keeps_its_month(nlp):
    text = ("Berlin (AA) - Präsident Recep Tayyip Erdoğan ist am Freitag zu einem Arbeitsbesuch in Deutschland "
            "eingetroffen. Bundeskanzler Olaf Scholz war im März 2022 zu seinem Antrittsbesuch nach Ankara gereist. "
            "Noch am Abend kehrt der Präsident nach Istanbul zurück; das Länderspiel am Samstag wird er nicht besuchen.")
    events = {e.visitor.id: (e.start, e.status) for e in entityx.extract_events(text, doc_date="2023-11-17", nlp=nlp)}
    assert events["olaf-scholz"] == (None, "completed")


@pytest.mark.parametrize("text, expected", [
    pytest.param("Papst Benedikt XVI. hat am Sonntag seinen viertägigen Staatsbesuch in Deutschland beendet.",
                 ("2011-09-22", "2011-09-25"), id="ended"),
    pytest.param("Papst Benedikt XVI. hat am Sonntag seinen viertägigen Staatsbesuch in Deutschland begonnen.",
                 ("2011-09-25", "2011-09-28"), id="begun"),
])
def test_a_duration_counts_back_from_the_day_a_stay_ended(nlp, text, expected):
    (event,) = entityx.extract_events(text, doc_date="2011-09-26", nlp=nlp)
    assert (event.start, event.end) == expected


def test_a_summit_lasts_until_the_day_the_next_sentence_names(nlp):
    text = ("Jakarta (dpa) - In Jakarta hat am Dienstag der Gipfel der ASEAN begonnen. Das Treffen dauert bis "
            "Donnerstag. Angereist ist unter anderem der philippinische Präsident Ferdinand Marcos Jr.")
    (event,) = entityx.extract_events(text, doc_date="2023-09-05", nlp=nlp)
    assert (event.start, event.end) == ("2023-09-05", "2023-09-07")


@pytest.mark.parametrize("text, doc_date, expected", [
    # "begrüßen" approving of a visit names no host: the visit noun tells the trip
    ("Die ukrainische Regierung begrüßte den Besuch von Bundeskanzler Olaf Scholz in Washington.",
     "2023-03-05", [("olaf-scholz", "US", "Washington", None)]),
    ("Der Besuch von Außenminister Sergej Lawrow in Minsk wurde in beiden Hauptstädten begrüßt.",
     "2023-06-18", [("sergej-lawrow", "BY", "Minsk", None)]),
    ("Moskau begrüßte die geplante Reise des chinesischen Außenministers Wang Yi nach Pretoria.",
     "2023-06-18", [("wang-yi", "ZA", "Pretoria", None)]),
    # ... while receiving a guest still makes the subject the host
    ("Präsident Alexander Lukaschenko begrüßte Außenminister Lawrow am Montag in Minsk.",
     "2023-06-18", [("sergej-lawrow", "BY", "Minsk", "2023-06-12")]),
])
def test_welcoming_a_visit_is_no_hosting(nlp, text, doc_date, expected):
    events = entityx.extract_events(text, doc_date=doc_date, nlp=nlp)
    assert _stops(events) == expected
    assert all(e.host is None or e.host.id != e.visitor.id for e in events)
