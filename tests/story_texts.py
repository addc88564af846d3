"""Fictional articles for the story tests: a bridge in Varrow, a strike in Kessport, a library, background news."""

from __future__ import annotations

from datetime import date

from storyline.model import Article


def article(key: str, text: str, day: date) -> Article:
    return Article(raw_text=text, text=text, published=day, id=key, language="en")


BRIDGE_CLOSED = [
    "The Harlan Street Bridge in Varrow closed after engineers found cracks in its piers.",
    "Inspectors say the cracked piers of the Harlan Street Bridge in Varrow cannot be repaired.",
    "Varrow council votes to replace the Harlan Street Bridge with a new crossing.",
    "Engineers in Varrow found the cracks in the Harlan Street Bridge piers had reached the steel inside.",
]
BRIDGE_REOPENED = [
    "Buses, cyclists and delivery vans crossed the rebuilt Harlan Street Bridge on Monday as mayor Edith Marrow cut "
    "a ribbon, a brass band played and schoolchildren released balloons at the reopening ceremony.",
    "Commuters cheered as the first buses rolled over the rebuilt Harlan Street Bridge, ending months of detours; "
    "the brass band and the ribbon drew a crowd to the ceremony.",
]
STRIKE = [
    "Kessport dock workers vote to strike over pay, the union said.",
    "Ships queue outside Kessport as the dock workers strike over pay begins.",
    "The Kessport dock workers strike over pay enters its second week with ships still waiting.",
]
LIBRARY = [
    "A public library with reading rooms and a glass courtyard will be built in Varrow, near the closed Harlan "
    "Street Bridge.",
    "The new public library will hold reading rooms, a children's wing and a local archive.",
    "Architects unveiled plans for the public library, with reading rooms around a glass courtyard.",
    "Construction of the public library's glass courtyard and reading rooms starts in the spring.",
    "Readers asked for longer opening hours at the planned public library and its reading rooms.",
]
BACKGROUND = [
    "Lune Gazette readers chose the Orlen Playhouse as the best theatre of the year.",
    "A storm over the Lune flooded three farms near Tessel on Monday night.",
    "The Tessel football club signed a goalkeeper from Brannock for an undisclosed fee.",
    "Brannock schools will open an hour later in winter, the education board decided.",
    "A rare owl nested in the bell tower of the old Tessel church, birdwatchers said.",
    "The Brannock marathon drew four thousand runners despite heavy rain.",
]
FIRE_ONE = [
    "Fire destroyed the Orrin grain warehouse on the Kessport quay overnight; two night guards were treated for "
    "smoke.",
    "Firefighters fought the blaze at the Orrin grain warehouse in Kessport for six hours before the roof fell in.",
    "The Orrin grain warehouse fire in Kessport started in a dryer, fire chief Lena Vos said after the night guards "
    "were rescued.",
    "Kessport traders count the cost after the Orrin grain warehouse burned down with the autumn harvest inside.",
    "Smoke from the burning Orrin grain warehouse closed the Kessport quay road as the roof collapsed.",
]
FIRE_TWO = [
    "A fire at the Daska timber yard in Kessport sent logs rolling into the canal; a crane driver was hurt.",
    "The Daska timber yard blaze in Kessport spread along stacked logs until tugs pumped canal water onto it.",
    "Police in Kessport arrested a sacked crane driver over the Daska timber yard fire, saying it was set on purpose.",
    "Owners of the Daska timber yard in Kessport say the fire cost them a year of stacked oak and pine logs.",
    "Canal traffic through Kessport resumed once burnt logs from the Daska timber yard fire were lifted out.",
]
