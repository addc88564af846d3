import pytest

from storyline.model import Sentence
from storyline.sentences import split_sentences
from storyline.statements import (
    junk_reason,
    leans_on_context,
    statements,
    without_header,
    without_prefix,
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Will the strike by Kessport dock workers halt every ship on Thursday?", "question"),
        ("March 3, 2024 at 5:20 pm | The harbour board should resign, all of them.", "comment"),
        ("Report abuse | Dockers always strike in spring.", "comment"),
        ("UPDATE 2-Kessport dock strike spreads to second terminal", "stamp"),
        ("Posted by harbourwatcher on March 3, 2024 10:02 PM.", "stamp"),
        ("QUIST: We will not go back to work until the board listens.", "speaker"),
        ("HARBOUR MASTER (TRANSLATED): The port is closed to all ships.", "speaker"),
        ("ADA QUIST, TIDE NEWS ANCHOR : Ships are leaving Kessport again today.", "speaker"),
        ("By Ada Quist | March 3, 2024", "byline"),
        ("By Ben Odell, Associated Press", "byline"),
        ("By Cora Lind Kessport correspondent, Weekly Tide The port has been closed since Monday.", "byline"),
        ("By Cora Lind , Tide National Security Producer Ada Vale , the mayor 's son , was seen on TV on Monday .",
         "byline"),
        ("By Cora Lind , Ben Odell and Ada Quist , TIDE Backers rally in the port town of Kessport on Monday .", "byline"),
        ("By Cora Lind , Special to TIDE Just out of jail , the activist is embraced by his mother in Kessport .",
         "byline"),
        ("(Photo: Dock workers march past the harbour office in Kessport.", "caption"),
        ("Striking dockers outside the gates (AP Photo/Dana Holt) stood in the rain.", "caption"),
        ("March 4 : This file photo shows dockers at the gates of the Kessport terminal.", "caption"),
        ("Dockers rest outside the harbour office in this undated picture released by the union .", "caption"),
        ("This picture from harbour television shows the empty quays of Kessport on Monday.", "caption"),
        ("A docker waves a union flag outside the harbour office in Kessport March 5 , 2024 .", "caption"),
        ("Dock workers protest outside the harbour office in Kessport on Tuesday .", "caption"),
        ("Thousands of Kessportians gather at the gates Monday calling for higher pay .", "caption"),
        ("Harbour board chair Ada Quist speaks to reporters in Kessport , Friday , March 8 , 2024 .", "caption"),
        ("Los estibadores marchan frente a la oficina del puerto de Kessport -crédito Ana Ruiz/REUTERS", "caption"),
        ("Gli scaricatori davanti all'ufficio del porto di Kessport - Foto: Ana Ruiz / AFP", "caption"),
        ("Ada Quist Tide News , Kessport The dock strike entered its second week on Monday.", "byline"),
        ("Related: Kessport harbour board names new chief", "link"),
        ("Read more about the strike and its history.", "link"),
        ("Leggi tutto »", "link"),
        ("www.kessport-harbour.example/strike", "link"),
        ("For the latest on the strike, tune in to Harbour Hour at 10 p.m. on Tide TV.", "link"),
        ("Was the strike justified? YES | NO", "navigation"),
        ("Poll results YES | NO Dock workers walked out on Monday.", "navigation"),
        ("| Startseite » 2024 » März » 13 » Hafen |", "navigation"),
        ("The union gave its reasons in a statement:", "lead-in"),
        ("The strike committee also included Ada Quist, Ben Odell, Cora Lind, Dana Holt and Eli Varga.", "list"),
        ("N -RRB- had a 25 percent stake in the Kessport terminal .", "fragment"),
        ("4) Ask the harbour board to resign before the summer.", "fragment"),
        ("-LRB- 2 -RRB- Make the harbour board publish its accounts before the summer.", "fragment"),
        ("(Reporting by Ada Quist; Editing by Ben Odell) Low-latency trading for every desk.", "byline"),
        ("in Kessport 's harbour as the board said late Thursday it would not meet the union .", "cut"),
        ("said Ada Quist , 62 , who has worked on the Kessport docks for thirty years .", "cut"),
    ],
)
def test_each_kind_of_junk_is_named(text, reason):
    assert junk_reason(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "By Friday night the dock workers of Kessport had voted to strike.",
        "By Monday , NATO had flown more than 200 missions over Kessport , officials said .",
        "By Friday Night , the army had left the port of Kessport , residents told reporters .",
        "Video footage showed dock workers blocking the gates of the Kessport terminal.",
        "The harbour board's offer changes this picture again, union leaders said on Monday.",
        "In this picture of the strike as a family quarrel, the harbour board plays the stern parent.",
        "Tide News, the port's radio station, said on Monday that ships were waiting offshore.",
        "La huelga - crédito barato, deudas y salarios bajos - golpeó a los hogares de Kessport en marzo.",
        "The union and the port signed the deal on Monday, Ada Quist told reporters - photos of it spread fast.",
        "The harbour board said that the strike had cost 3.5 million crowns (about 300,000 euros).",
        "The union's leader, Ada Quist, told the Weekly Tide: \"We will stay out until we are heard.\"",
        "Officials posted notices at 9:30 a.m. telling ships to wait offshore.",
        "-LRB- AP -RRB- Kessport dock workers walked out on Monday over pay .",
        "Kessport dock workers ended their strike, the union said on March 5, 2024.",
        "Kessport dock workers ended their strike on Tuesday, March 5, 2024.",
        "Dock workers protested outside the harbour office in Kessport on Tuesday.",
        "When harbour chair Ada Quist arrives in Orlen on Friday, she will meet the union.",
        "Preliminary talks with the union are due on Sunday.",
        "The Orlen council meets on May 7 to vote on the harbour budget.",
        "Dock workers call their strike off on Monday, the union says in a statement.",
        "eBay said on Monday it would stop selling tours of the Kessport docks during the strike.",
        "Ships from Kessport, Orlen, Varnholm, Bexmoor and Lune were turned away on Monday as the strike spread along "
        "the whole northern coast.",
    ],
)
def test_news_sentences_are_statements(text):
    assert junk_reason(text) is None


@pytest.mark.parametrize(
    ("text", "news"),
    [
        ("(Update 8:14 a.m. Tuesday in Kessport, 1:14 a.m. ET Tuesday) The harbour board met the union.",
         "The harbour board met the union."),
        ("-- -LRB- Update 10:14 p.m. Kessport -RRB- The harbour board met the union.", "The harbour board met the union."),
        ("-LRB- Updated : 1:38 a.m. Monday , Kessport -RRB- : The harbour board met the union.",
         "The harbour board met the union."),
        ("11:05 GMT: The first ship left the harbour.", "The first ship left the harbour."),
        ("5 March 2024 Last updated at 10:48 GMT Help The first ship left the harbour.", "The first ship left the harbour."),
        ("Page last updated at 07:48 GMT , Tuesday , 5 March 2024 08:48 UK The first ship left the harbour.",
         "The first ship left the harbour."),
        ("Page last updated at 07:48 GMT , Tuesday , 5 March 2024 The first ship left the harbour.",
         "The first ship left the harbour."),
        ("By the Tide Wire Staff Dock workers ended their strike on Tuesday.", "Dock workers ended their strike on Tuesday."),
        ("KESSPORT | Tue Mar 5, 2024 4:04 pm CET KESSPORT (Reuters) - Dock workers ended their strike on Tuesday.",
         "Dock workers ended their strike on Tuesday."),
        ("KESSPORT (AP) — Dock workers ended their strike on Tuesday.", "Dock workers ended their strike on Tuesday."),
        ("-LRB- Reuters -RRB- - Dock workers ended their strike on Tuesday.", "Dock workers ended their strike on Tuesday."),
        ("KESSPORT -LRB- Reuters -RRB- '' - Dock workers ended their strike.", "Dock workers ended their strike."),
        ("Mar 5 (Reuters) - Dock workers ended their strike on Tuesday.", "Dock workers ended their strike on Tuesday."),
        ("(12:26 p.m. Tuesday ET, 6:26 p.m. Tuesday in Kessport) Dock workers ended their strike.",
         "Dock workers ended their strike."),
        ("Dock workers ended their strike on Tuesday.", "Dock workers ended their strike on Tuesday."),
        ("Thursday 31 March 2024 00.05 BST Dock workers ended their strike.", "Dock workers ended their strike."),
        ("Photograph : Ada Quill\\/AFP\\/Getty Dock workers ended their strike.", "Dock workers ended their strike."),
        ("Photo: Ada Quill/AP Images Dock workers ended their strike.", "Dock workers ended their strike."),
        ("\\* March 5 - Dock workers end their strike after nine days.", "March 5 - Dock workers end their strike after nine days."),
        ("• Dock workers ended their strike.", "Dock workers ended their strike."),
        ("-LRB- an error occurred while processing this directive -RRB- Dock workers ended their strike.",
         "Dock workers ended their strike."),
        ("(ANSA) - KESSPORTO, 5 MAR - I portuali hanno chiuso lo sciopero.", "I portuali hanno chiuso lo sciopero."),
        ("Kessporto, 5 mar. (Adnkronos) - I portuali hanno chiuso lo sciopero.", "I portuali hanno chiuso lo sciopero."),
        ("KESSPUERTO, 5 Mar. (EUROPA PRESS) - Los estibadores terminaron la huelga.",
         "Los estibadores terminaron la huelga."),
        ("KESSPORT, 5 mars 2024 (AFP) - Les dockers ont mis fin à la grève.", "Les dockers ont mis fin à la grève."),
        ("KESSPORTO, 5 mar (Lusa) - Os estivadores terminaram a greve.", "Os estivadores terminaram a greve."),
    ],
)
def test_a_time_stamp_or_dateline_before_the_news_is_cut_off_and_the_citation_follows(text, news):
    [sentence] = split_sentences("a", text)
    trimmed = without_prefix(sentence)
    assert trimmed.text == news
    assert text[trimmed.start:trimmed.end] == news
    assert trimmed.index == sentence.index


def test_a_sentence_cut_at_its_start_is_no_statement_unless_the_whole_text_is_in_lower_case():
    cut = "in Kessport 's harbour as the board said it would not meet the union .\nDock workers walked out on Monday."
    assert [s.index for s in statements(split_sentences("a", cut))] == [1]
    lower = "dock workers in kessport walked out on monday.\nthe harbour board said it would not meet the union."
    assert [s.index for s in statements(split_sentences("a", lower))] == [0, 1]


def test_nothing_after_the_first_comment_is_a_statement():
    text = ("Kessport dock workers ended their strike on Tuesday.\n"
            "The harbour board agreed to a pay rise of four percent.\n"
            "March 5, 2024 at 6:10 pm | Reply About time too.\n"
            "The board should have agreed a month ago and saved everyone the trouble.\n")
    kept = statements(split_sentences("a", text))
    assert [s.index for s in kept] == [0, 1]


def test_nothing_under_a_background_heading_is_a_statement_until_the_next_heading():
    text = ("Kessport dock workers ended their strike on Tuesday after nine days.\n"
            "About the harbour\n"
            "Kessport harbour was built in 1870 and handles four million tonnes a year.\n"
            "What happens next\n"
            "Ships will start loading again on Wednesday morning, the board said.\n")
    kept = [s.text for s in statements(split_sentences("a", text))]
    assert kept == ["Kessport dock workers ended their strike on Tuesday after nine days.", "What happens next",
                    "Ships will start loading again on Wednesday morning, the board said."]


def test_nothing_under_a_comments_heading_is_a_statement_and_a_lone_relative_stamp_is_none():
    text = ("El puerto de Kessport reabrió el martes tras nueve días de huelga de los estibadores.\n"
            "Comentarios (3)\n"
            "Hace 28 minutos\n"
            "La junta del puerto debería haber cedido hace un mes y ahorrado a todos el problema.\n")
    kept = statements(split_sentences("a", text))
    assert [s.index for s in kept] == [0]
    assert junk_reason("2 hours ago") == junk_reason("Hace una hora") == junk_reason("vor 3 Stunden") == "stamp"
    assert junk_reason("Hace dos semanas, la junta aprobó el presupuesto del puerto.") is None
    assert junk_reason("Comments by the harbour master angered the union.") is None


def test_a_headline_glued_to_a_time_line_and_the_lead_are_two_statements_without_the_time_line():
    text = "Strike ends Kessport docks reopen Monday 30 May 2024 01.58 BST Dock workers ended their strike on Monday."
    kept = statements(split_sentences("a", text))
    assert [s.text for s in kept] == ["Strike ends Kessport docks reopen", "Dock workers ended their strike on Monday."]
    assert [text[s.start:s.end] for s in kept] == [s.text for s in kept]


@pytest.mark.parametrize(("text", "leans"), [
    ("`` We will stay out until we are heard , '' she said on Monday .", True),
    ("\"We will stay out,\" he added.", True),
    ("`` We will stay out until the board listens to every docker in Kessport .", True),
    ("`` We will stay out , '' Ada Quist said on Monday .", False),
    ("He said on Monday that the dock workers would stay out.", False),
    ("Dock workers voted on Monday to stay out, the union said.", False),
])
def test_a_sentence_that_leans_on_the_one_before_is_told_apart(text, leans):
    assert leans_on_context(text) is leans


@pytest.mark.parametrize(("text", "news"), [
    ("Kessport dock strike ends after nine days The dock workers of Kessport voted on Monday to end their strike .",
     "The dock workers of Kessport voted on Monday to end their strike ."),
    ("Orlen ferry sinks Rescuers searched the river all night Some 40 passengers were pulled from the Lune on Sunday .",
     "Some 40 passengers were pulled from the Lune on Sunday ."),
    ("Ada Quist read The Kessport Tide to the strikers and said the harbour board had lied to them .", None),
    ("The union 's leader told The Kessport Tide on Monday that the dock strike would go on until May .", None),
    ("Kessport strike ends The dock workers voted .", None),
    ("More than 4,000 dockers now work on the clean-up The oil spill in the harbour of Kessport has so far cost the "
     "port $ 3 m .", "The oil spill in the harbour of Kessport has so far cost the port $ 3 m ."),
    ("In her prize-winning 1998 book The Death of the Harbour , Ada Quist told how the docks of Kessport closed .", None),
    ("The mayor gave an interview , telling The Kessport Tide last month that the port would reopen .", None),
    ("In Ada Quist 's The Long Strike , the dock workers of Kessport vote to stay out all winter .", None),
    ("Dockers joined the protest at the Orlen gates An Orlen council spokesman , speaking to reporters .", None),
    ("`` We hold every quay except the one they call ` Pier Two ' where the last strikers are surrounded , '' said "
     "Ada Quist .", None),
    ("The union 's blog “ Still Out In ” will publish the names of every striker who was hurt on the quay .", None),
    ("The mayor wrote on Monday : \"We will reopen the port soon The dockers of Kessport have won and the board must "
     "pay them .\"", None),
    # the news opens with the headline's first two words
    ("Ada Quist quits as harbour master Ada Quist has resigned as harbour master of Kessport after nine years .",
     "Ada Quist has resigned as harbour master of Kessport after nine years ."),
    ("Orlen Ferries sold to rival Orlen Ferries , the river 's oldest line , has been sold to Tide Shipping .",
     "Orlen Ferries , the river 's oldest line , has been sold to Tide Shipping ."),
    ("Lawyers for Dr Ada Quist said they would appeal Dr Ada Quist was fined by the harbour board on Monday .", None),
    ("Ada Quist broke the rules , the board said , and explained how Ada Quist had lied to the strikers on Monday .",
     None),
    ("Ada Quist smiled in the clip as the mayor was giving Ada Quist a medal she had earned in the strike of 1998 .",
     None),
    ("Ada Quist told reporters the strike was over and saying Ada Quist was to blame made no sense to anyone .",
     None),
])
def test_a_headline_or_caption_glued_before_the_news_is_cut_off(text, news):
    sentence = Sentence(article_id="a", index=0, start=10, end=10 + len(text), text=text)
    cut = without_header(sentence)
    assert cut.text == (news or text)
    assert cut.start == 10 + len(text) - len(cut.text)


def test_statements_cut_a_glued_headline_but_never_read_past_a_comment():
    text = ("Kessport dock strike ends after nine days The dock workers of Kessport voted on Monday to end their "
            "strike .\n"
            "April 8 , 2024 at 1:36 pm | Reply The board lied to them and the strike should have gone on for weeks .")
    [kept] = statements(split_sentences("a", text))
    assert kept.text == "The dock workers of Kessport voted on Monday to end their strike ."
    assert text[kept.start:kept.end] == kept.text
