"""The corpus letters as data: paragraphs of the real letters in samples/, and the edits to inject.

Every text below is copied from samples/ (public Dutch parliamentary papers): the paragraph
boundaries, footnote places and footnote texts are those of the sample, with the extraction
noise cleaned by hand (line wraps joined, ``[footnoteRef:N]``/``[bookmark: …]`` and markdown
removed, the markdown link of one footnote reduced to its text). The samples' own typos stay
(``toerismedoelinden``, ``Denenmarken``, ``Interoperabliteit``). What was rearranged for the
corpus: a summary list of the report (``Belangrijkste resultaten``) or an inline enumeration is
set as a bullet list, and a few report paragraphs come before the signature.

Markup: ``{k}`` is the place of footnote ``k``, ``*…*`` italic, ``^{…}`` raised text (``28^{ste}``).
Footnote keys are numbered in order of first reference, as Word and LibreOffice number them.

An edit is ``op`` (``replace`` ``find`` by ``repl`` in the header, body, a note or the signature;
``delete-note``; ``move`` a body element before another), where it is (``describe``), and what
difftool should report when it compares the original DOCX (A) with the edited version (B):
``kind`` (``also_kinds``: other kinds that report it as well; a deleted whole sentence is
``sentence-removed``, or ``text-removed`` in a difftool without sentence kinds), severity (substantive unless
said), and ``old``/``new`` snippets of A's and B's text to recognise the delta by. Each edit
touches a different paragraph or footnote. A different signatory (not the same surname) is
reported as ``signatory`` when difftool pairs the two names, else as the one signature block
removed and the other added.
"""

from __future__ import annotations

from typing import Any

NBSP = "\u00a0"

SERIF = "Liberation Serif"
SANS = "Liberation Sans"

# --- 1. Tweede Kamer, Nr. 1014, 22 juni 2026 (samples/2026-06-22-jbz-tk.txt) ----------------

TK_1014: dict[str, Any] = {
    "slug": "jbz-tk-1014",
    "source": "samples/2026-06-22-jbz-tk.txt (one sentence of the CW3.1 annex from samples/2026-06-22-jbz-ek.txt)",
    "header": (
        "32 317 JBZ-Raad",
        "Nr. 1014",
        "Brief van de minister van Justitie en Veiligheid, de minister van Asiel en Migratie en de "
        "staatssecretaris van Justitie en Veiligheid",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 22 juni 2026",
    ),
    "body": (
        (
            "para",
            "Hierbij bieden wij, mede namens de minister van Binnenlandse Zaken en Koninkrijksrelaties, uw Kamer "
            "het verslag aan van de Raad Justitie en Binnenlandse Zaken (JBZ-Raad) van 4-5 juni 2026 in Luxemburg.",
        ),
        (
            "para",
            "Daarnaast ontvangt uw Kamer een appreciatie van het Staat van Schengenrapport 2026 alsmede een reactie "
            "op de Opinie van de Commissie over de noodzakelijkheid en proportionaliteit van de herinvoering van de "
            "binnengrenscontroles.",
        ),
        (
            "para",
            "Ook informeren wij uw Kamer hieronder over een aantal aanvullende onderwerpen op het terrein van JBZ- "
            "en internationale samenwerking.",
        ),
        ("heading", "Belangrijkste resultaten"),
        (
            "bullet",
            "De JBZ-Raad stemde in met de prioriteiten van de Schengencyclus voor 2026 en 2027, zijnde 1) het "
            "verbeteren en versnellen van de implementatie van grootschalige IT-systemen; 2) het versterken van de "
            "buitengrenzen en terugkeer; 3) het verbeteren van de interne veiligheid, en tegelijkertijd het "
            "waarborgen van vrijheid van beweging in een gebied zonder binnengrenscontroles, en nam Raadsconclusies "
            "aan ter verbetering van de Schengengovernance.",
        ),
        (
            "bullet",
            "De Raadsconclusies over de operationalisering van de EU-drugsstrategie en het EU-actieplan tegen "
            "drugshandel werden aangenomen. Lidstaten onderstreepten het belang van een geïntegreerde aanpak van "
            "drugscriminaliteit en versterkte samenwerking tussen lidstaten, EU-agentschappen en derde landen.",
        ),
        (
            "bullet",
            "Tijdens de bespreking van de juridische status van Oekraïense ontheemden bleek brede steun voor "
            "eventuele verlenging van de Tijdelijke Beschermingsrichtlijn met één jaar.",
        ),
        (
            "bullet",
            "In de discussie over de toekomstige Europese Veiligheidsstrategie benadrukten lidstaten het belang van "
            "een geïntegreerde benadering van interne en externe veiligheid, met aandacht voor georganiseerde "
            "criminaliteit, terrorisme en hybride dreigingen, alsook een sturende rol van de JBZ-Raad in de "
            "totstandkoming en implementatie.",
        ),
        ("heading", "Bijeenkomsten en marge van de JBZ-Raad"),
        ("heading", "28^{ste} regime (EU Inc.)"),
        (
            "para",
            "En marge van de JBZ-Raad vond op 5 juni jl. een werkontbijt plaats met tien lidstaten, georganiseerd "
            "door Duitsland, ter bespreking van het recent gepubliceerde Commissievoorstel voor een 28^{ste} regime "
            "(EU Inc.).",
        ),
        (
            "para",
            "De deelnemende lidstaten waren het eens dat het voorstel voor een 28^{ste} regime een belangrijke "
            "bijdrage levert aan het versterken van het concurrentievermogen en de innovatiekracht van de Europese "
            "Unie. Er werd benadrukt dat het belangrijk is dat de doelstellingen van het voorstel in balans worden "
            "gebracht met sociale rechten en in dat verband wees een enkele lidstaat op het belang van "
            "medezeggenschap en het waarborgen van respect voor nationale stelsels.",
        ),
        (
            "para",
            "Nederland bracht het standpunt naar voren zoals opgenomen in het BNC-fiche dat op 24 april jl. met uw "
            "Kamer is gedeeld{1} en heeft aandacht gevraagd voor het Benelux non-paper.{2}",
        ),
        ("heading", "Kopgroep operationaliseren terugkeerhubs"),
        (
            "para",
            "En marge van de JBZ-raad kwam een kopgroep, bestaande uit Denemarken, Duitsland, Griekenland, "
            "Oostenrijk en Nederland en de Europese Commissie, voor een derde keer bijeen om concrete afspraken te "
            "maken over de verkenning naar de gezamenlijk ontwikkeling van een terugkeerhub. In dit kader sprak de "
            "minister van Asiel en Migratie namens Nederland en de andere aanwezigen waardering uit voor het "
            "politiek akkoord wat is bereikt op de terugkeerverordening op 1 juni jl.{3} Dit politiek akkoord "
            "creëert bij implementatie een explicietere grond voor de terugkeerhub. Ten aanzien van de gezamenlijke "
            "verkenning van een terugkeerhub benadrukte de lidstaten dat zij de gecoördineerde dialogen met "
            "mogelijke partnerlanden continueren, met als doel voor het einde van het jaar concrete voortgang te "
            "kunnen laten zien. Ook herhaalde de aanwezigen nogmaals het belang van het vroeg betrekken van "
            "internationale organisaties waaronder IOM en UNHCR. Uw Kamer wordt doorlopend geïnformeerd over de "
            "voortgang van de gesprekken met de landen in deze kopgroep. Daarmee geeft het kabinet invulling aan de "
            "toezegging van de minister van Asiel en Migratie{4} om de Kamer te informeren over de gesprekken met "
            "de landen uit de kopgroep over terugkeerhubs.",
        ),
        (
            "para",
            "Naar aanleiding van de toezeggingen van de minister van Asiel en Migratie{5} om de Kamer(s) te "
            "informeren over welke landen vanuit Europees perspectief kansrijk zijn om mee samen te werken ten "
            "aanzien van terugkeerhubs het volgende: de verkenning naar mogelijke partnerlanden betreft een "
            "sensitief en diplomatiek vertrouwelijk proces. Om dit diplomatieke proces te bewaken en voortgang te "
            "kunnen waarborgen, is het van belang dat in dit stadium niet in het openbaar benoemd wordt om welke "
            "landen het gaat. De minister heeft eveneens een vertrouwelijke technische briefing toegezegd over de "
            "voortgang rondom terugkeerhubs en migratiepartnerschappen. Deze wordt momenteel gepland – daarmee "
            "zullen de toezeggingen gestand worden gedaan, net als de motie Eerdmans over een concreet plan voor "
            "het operationaliseren van terugkeerhubs.{6}",
        ),
        ("heading", "Moties en toezeggingen"),
        (
            "heading",
            "Motie van Nispen over handhaving op het vertrek na het verstrijken van de termijn van visumvrije "
            "reizen{7}",
        ),
        (
            "para",
            "Bij effectief grensbeheer en bestrijding van onrechtmatig verblijf zijn goedwerkende Europese "
            "(grens)informatiesystemen en interoperabiliteit essentieel. Hierbij is zowel de informatie-uitwisseling "
            "tussen nationale en Europese informatiesystemen, als tussen verschillende Europese "
            "informatiesystemen van belang. Lidstaten, waaronder Nederland werken hard aan de implementatie van "
            "grootschalige EU-informatiesystemen. In het bijzonder zullen het European Entry and Exit System (EES) "
            "en het European Travel Information and Authorisation System (ETIAS) eraan bijdragen dat Nederland en "
            "de EU in den brede haar grip op wie de EU in- en uitreist vergroten. In het EES wordt de in- en "
            "uitreis van derdelanders geregistreerd wat bijdraagt aan betere controle van hun identiteit en "
            "eventuele overstay. ETIAS maakt mogelijk om visumvrije derdelanders die niet aan de "
            "toegangsvoorwaarden voldoen, bijvoorbeeld omdat zij een risico vormen op illegaal verblijf of een "
            "gevaar zijn voor de openbare orde of nationale veiligheid, te weren om naar het Schengengebied te "
            "reizen. Het EES wordt sinds 10 april aan alle doorlaatposten op de buitengrenzen toegepast. Volgens de "
            "reeds geldende Europese planning is de implementatie van ETIAS voorzien in Q4 2026. Hiermee beschouwt "
            "het kabinet de motie Van Nispen als afgedaan.",
        ),
        ("heading", "Motie Boomsma en Ellian aangaande overleg met andere EU-lidstaten over terugkeer van Syriërs{8}"),
        (
            "para",
            "Nederland onderhoudt in Europa een actief netwerk op verschillende asiel en migratie thema's, zo ook "
            "ten aanzien van de vraagstukken op migratie rondom Syrië. Op dit thema vindt op verschillende niveaus "
            "overleg plaats met landen die een vergelijkbare opgave hebben als Nederland waaronder ook Duitsland. "
            "Nederland zal hierover, inclusief herbeoordelingen en de terugkeer van Syriërs, de komende periode "
            "actief in nauw overleg blijven met andere EU-lidstaten. Daarnaast streeft de Europese Commissie, op "
            "aandringen van Nederland, een meer gecoördineerde en integrale EU-aanpak ten aanzien van Syrië na, "
            "waar migratiesamenwerking inclusief terugkeersamenwerking onderdeel van uitmaakt. Het kabinet "
            "beschouwt de motie Boomsma en Ellian hiermee afgedaan.",
        ),
        ("heading", "Aanpak afgifte Russische visa in het Schengengebied"),
        (
            "para",
            "De Minister van Buitenlandse Zaken heeft een gezamenlijke brief op initiatief van Zweden, over "
            "restrictieve en uniforme toepassing van het EU-visumbeleid ten aanzien van Russische burgers, "
            "medeondertekend. Andere landen, die de brief hebben medeondertekend, zijn Denemarken, Estland, "
            "Finland, IJsland, Letland, Litouwen, Noorwegen, Polen en Tsjechië. In 2025 werden er 477.878 "
            "Schengenvisa verleend aan Russische staatsburgers voor toerismedoelinden. Dit staat in scherp "
            "contrast met de richtsnoeren van de Commissie van 30 september 2022 voor de algemene afgifte van visa "
            "aan Russische aanvragers, waar lidstaten worden opgeroepen om een restrictieve aanpak te hanteren bij "
            "de beoordeling van de redenen voor de reis. De huidige, uiteenlopende toepassing van de "
            'Commissie-richtsnoeren door lidstaten leidt tot fragmentatie, "*visa shopping door Russische '
            "staatsburgers*\", ongelijke economische posities en verhoogde veiligheidsrisico's. Ook roept de "
            "brief de Commissie op om passende maatregelen voor te stellen om (voormalige en huidige) Russische "
            "strijders te identificeren en hun toegang tot het Schengengebied te verhinderen.",
        ),
        (
            "para",
            "De ondersteuning van de gezamenlijke brief sluit aan bij het Nederlandse beleid en de inzet van het "
            "kabinet. De Nederlandse visumafgifte aan Russische burgers is in aantal, geldigheidsduur en "
            "reisdoelen beperkt, en in lijn met de EU-richtsnoeren inzake de afgifte van visa met betrekking tot "
            "Russische aanvragers.",
        ),
        (
            "para",
            "Ondersteuning van de gezamenlijke brief is tevens in lijn met de Motie van Campen en Boswijk{9} waarin "
            "wordt verzocht de toegang van Russen tot EU-landen verder te beperken en de Motie van de leden Dassen "
            "en Brekelmans{10} over zich aansluiten bij de oproep om te onderzoeken hoe Russische militairen en "
            "veteranen een Schengenverbod opgelegd kunnen krijgen.",
        ),
        ("heading", "Entry-Exit System (EES) op Amsterdam Airport Schiphol - Fase 2"),
        (
            "para",
            "Voor fase twee van de invoering van het Entry Exit Systeem op Amsterdam Airport Schiphol wordt een "
            "rijksbijdrage ingezet. Middels deze brief informeert het kabinet uw Kamer over dit besluit.{11} Het "
            "besluit is bijgevoegd (bijlage A). De rijksbijdrage dekt projectinvesteringen en onderhoud (50% van de "
            "totale projectbegroting van € 50 mln, ex btw; max. € 25 mln); de overige 50% wordt door Schiphol "
            "betaald.",
        ),
    ),
    "notes": {
        1: "BNC-fiche, *Kamerstukken II 2025/26*, 22112, nr. 4320.",
        2: "Benelux non-paper, *Kamerstukken II 2025/26*, 22112, nr. 4360.",
        3: "Kamerstukken II, 2025-2026, 22122, nr. 4363.",
        4: "TZ202604-207.",
        5: "Verslag van de plenaire vergadering van dinsdag 7 april 2026 - Eerste Kamer der Staten-Generaal",
        6: "Kamerstukken II, 2025-2026, 36 848, nr. 63",
        7: "Kamerstukken II, 2024-2025, 30 573, nr. 232.",
        8: "Kamerstukken II, 2025-2026, 32 317, nr. 1013.",
        9: "Kamerstukken II, vergaderjaar 2025-2026, Motie TK, 21 501-20, nr. 2185",
        10: "Kamerstukken II, vergaderjaar 2025-2026, Motie TK, 36 045, nr. 271",
        11: "Sinds eind 2021 geldt de werkwijze 'Beleidskeuzes uitgelegd' op grond van artikel 3.1 van de "
        "Comptabiliteitswet 2016 voor voorstellen met significante financiële gevolgen. Ter uitvoering hiervan "
        "wordt het bijgevoegde CW3.1-formulier 'Entry-Exit System (EES) op Amsterdam Airport Schiphol (AAS) - "
        "Fase 2' aan uw Kamer toegezonden.",
    },
    "signature": (
        ("De minister van Justitie en Veiligheid,", "D.M. van Weel"),
        ("De minister van Asiel en Migratie,", "G. van den Brink"),
        ("De staatssecretaris van Justitie en Veiligheid,", "K.T. van Bruggen"),
    ),
    "footer": "Tweede Kamer, vergaderjaar 2025–2026, 32 317, nr. 1014",
    "layouts": (
        {"name": "serif-11pt-25mm", "font": SERIF, "size": 11, "note_size": 9, "margin_cm": 2.5, "line": 252},
        {
            "name": "sans-10pt-20mm",
            "font": SANS,
            "size": 10,
            "note_size": 8,
            "margin_cm": 2.0,
            "top_cm": 2.0,
            "line": 240,
            "justify": True,
        },
        {
            "name": "weasyprint-serif-10pt",
            "font": SERIF,
            "size": 10,
            "note_size": 9,
            "margin_cm": 2.5,
            "line": 252,
            "justify": True,
            "producer": "weasyprint",
        },
    ),
    "edits": (
        {
            "id": "reference-number",
            "op": "replace",
            "where": "note",
            "find": "32 317, nr. 1013",
            "repl": "32 317, nr. 1007",
            "describe": "footnote 8 (motie Boomsma en Ellian): document number nr. 1013 -> nr. 1007",
            "kind": "reference",
            "old": "32 317, nr. 1013",
            "new": "32 317, nr. 1007",
        },
        {
            "id": "reference-dossier",
            "op": "replace",
            "where": "note",
            "find": "21 501-20, nr. 2185",
            "repl": "21 501-32, nr. 2185",
            "describe": "footnote 9 (motie Van Campen en Boswijk): sub-dossier 21 501-20 -> 21 501-32",
            "kind": "reference",
            "old": "21 501-20",
            "new": "21 501-32",
        },
        {
            "id": "reference-type",
            "op": "replace",
            "where": "note",
            "find": "Kamerstukken II, 2025-2026, 22122",
            "repl": "Aanhangsel Handelingen II, 2025-2026, 22122",
            "describe": "footnote 3 (terugkeerverordening): Kamerstukken II -> Aanhangsel Handelingen II",
            "kind": "reference",
            "old": "Kamerstukken II, 2025-2026, 22122",
            "new": "Aanhangsel Handelingen II, 2025-2026, 22122",
        },
        {
            "id": "date-body",
            "op": "replace",
            "find": "op 5 juni jl. een werkontbijt",
            "repl": "op 6 juni jl. een werkontbijt",
            "describe": "paragraph on the 28ste regime: 5 juni -> 6 juni",
            "kind": "date",
            "old": "5 juni jl. een werkontbijt",
            "new": "6 juni jl. een werkontbijt",
        },
        {
            "id": "date-header",
            "op": "replace",
            "where": "header",
            "find": "Den Haag, 22 juni 2026",
            "repl": "Den Haag, 23 juni 2026",
            "describe": "header date line: 22 juni 2026 -> 23 juni 2026",
            "kind": "date",
            "old": "22 juni 2026",
            "new": "23 juni 2026",
        },
        {
            "id": "amount",
            "op": "replace",
            "find": "max. € 25 mln",
            "repl": "max. € 28 mln",
            "describe": "paragraph on EES fase 2: max. € 25 mln -> max. € 28 mln",
            "kind": "amount",
            "old": "€ 25 mln",
            "new": "€ 28 mln",
        },
        {
            "id": "negation",
            "op": "replace",
            "find": "gezamenlijke brief sluit aan bij",
            "repl": "gezamenlijke brief sluit niet aan bij",
            "describe": "paragraph on the joint letter on Russian visas: 'sluit aan' -> 'sluit niet aan'",
            "kind": "negation",
            "old": "brief sluit aan bij",
            "new": "brief sluit niet aan bij",
        },
        {
            "id": "signatory",
            "op": "replace",
            "where": "signature",
            "find": "G. van den Brink",
            "repl": "B. van den Brink",
            "describe": "second signatory: G. van den Brink -> B. van den Brink",
            "kind": "signatory-name-form",
            "old": "G. van den Brink",
            "new": "B. van den Brink",
        },
        {
            "id": "sentence-removed",
            "op": "replace",
            "find": "Lidstaten, waaronder Nederland werken hard aan de implementatie van grootschalige "
            "EU-informatiesystemen. ",
            "repl": "",
            "describe": "paragraph under motie Van Nispen: the sentence 'Lidstaten, waaronder Nederland werken "
            "hard …' deleted",
            "kind": "sentence-removed",
            "also_kinds": ("text-removed",),
            "old": "Lidstaten, waaronder Nederland werken hard aan de implementatie",
            "new": "",
        },
        {
            "id": "footnote-removed",
            "op": "delete-note",
            "note": 2,
            "describe": "footnote 2 (Benelux non-paper) deleted, marker and body; later notes renumber",
            "kind": "footnote-removed",
            "old": "Benelux non-paper, Kamerstukken II 2025/26, 22112, nr. 4360",
            "new": "",
        },
        {
            "id": "moved",
            "op": "move",
            "find": "De deelnemende lidstaten waren het eens dat het voorstel",
            "before": "Moties en toezeggingen",
            "describe": "paragraph 'De deelnemende lidstaten waren het eens …' moved from the 28ste regime "
            "section to the end of the Kopgroep section",
            "kind": "moved",
            "old": "De deelnemende lidstaten waren het eens dat het voorstel",
            "new": "De deelnemende lidstaten waren het eens dat het voorstel",
        },
    ),
}


# --- 2. Tweede Kamer, Nr. 948, 28 mei 2025 (samples/2025-05-28-jbz-agenda-tk-docx.txt) -------

TK_948: dict[str, Any] = {
    "slug": "agenda-tk-948",
    "source": "samples/2025-05-28-jbz-agenda-tk-docx.txt",
    "header": (
        "32 317 JBZ-Raad",
        "Nr. 948",
        "Brief van de minister en staatssecretaris van Justitie en Veiligheid en de minister van Asiel en Migratie",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 28 mei 2025",
    ),
    "body": (
        (
            "para",
            "Hierbij bieden wij uw Kamer de geannoteerde agenda aan van de Raad Justitie en Binnenlandse Zaken "
            "(JBZ-Raad) op 12 en 13 juni in Luxemburg. De minister van Asiel en Migratie en de staatssecretaris "
            "Rechtsbescherming zullen hieraan deelnemen. Daarnaast informeren wij uw Kamer over de volgende "
            "onderwerpen.",
        ),
        ("heading", "Toezeggingen"),
        ("heading", "Voortgang out-of-the-box oplossingen"),
        (
            "para",
            "In lijn met de toezegging die de minister-president deed tijdens de Algemene Politieke Beschouwingen "
            "van 18 en 19 september 2024, informeert het kabinet u over de voortgang op de ontwikkelingen van "
            "out-of-the-box oplossingen op het gebied van migratie. Het kabinet loopt in de EU voorop om "
            "out-of-the-box oplossingen verder uit te werken, om irreguliere migratie tegen te gaan en terugkeer te "
            "bevorderen. Het kabinet heeft op verschillende momenten de Europese Commissie hiertoe opgeroepen{1}. "
            "Ook pleit het kabinet voor een aanpassing van de terugkeerwetgeving{2} en het herzien van het veilig "
            "derde land concept om meer ruimte voor innovatieve oplossingen te creëren. Tegelijkertijd is Nederland "
            "doorlopend in gesprek met een groot aantal gelijkgezinde EU-lidstaten, zoals Zweden en Denemarken, om "
            "innovatieve concepten zoals de terugkeerhub verder uit te werken en daarbij in kaart te brengen welke "
            "landen buiten de EU in aanmerking kunnen komen voor een dergelijk partnerschap. Om "
            "migratiesamenwerking met derde landen te versterken heeft het kabinet 118 miljoen euro vrijgemaakt, "
            "waarmee onder andere innovatieve partnerschappen ondersteund kunnen worden{3}. Uw Kamer wordt, zodra "
            "dat mogelijk is, hier verder over geïnformeerd. De toezegging van de minister-president om als "
            "Nederland voorop te lopen op de out-of-the-box oplossingen beschouwt het kabinet daarmee als afgedaan.",
        ),
        ("heading", "Naleving mensenrechtenschendingen bij de grenzen"),
        (
            "para",
            "Conform de toezegging gedaan door de Minister van Asiel en Migratie in het Commissiedebat JBZ-Raad van "
            f"12 en 13 december 2024 (Kamerstuk II, 2024-2025, 32 317,{NBSP}nr.{NBSP}926) komt het kabinet terug op "
            "het toezicht aan de buitengrenzen op het waarborgen van mensenrechten. Alle Schengenlidstaten zijn "
            "gebonden aan geldende wet- en regelgeving, waaronder het borgen van fundamentele rechten. Monitoring "
            "loopt via de bestaande Schengenevaluatiemechanismes. Lidstaten maken op dit moment werk van de "
            "implementatie van het Europees Asiel- en Migratiepact. Screening is daar een belangrijk onderdeel van. "
            "Een onderdeel van de screeningsverordening is dat lidstaten voorzien in een onafhankelijk "
            "toezichtmechanisme dat toeziet op de naleving en eerbiediging van de grond- en mensenrechten. "
            "Daarnaast is er de mogelijkheid voor individuen en Frontex-personeel om klachten in te dienen bij "
            "Frontex via het klachtenmechanisme, of via de zogenaamde serious incident reporting (SIR). Hetzelfde "
            "geldt voor de Europese Ombudsman, die onafhankelijk onderzoek kan doen op basis van binnengekomen "
            "klachten. In het uiterste geval kan de Europese Commissie als hoedster van de verdragen een "
            "inbreukprocedure starten tegen lidstaten die zich niet aan EU-wetgeving houden.",
        ),
        ("heading", "Samenwerking met de Belgische autoriteiten op het gebied van Dublin-overdrachten"),
        (
            "para",
            "In lijn met de toezegging die de Minister van Asiel en Migratie deed in het Commissiedebat "
            "Vreemdelingen- en asielbeleid van 24 april jl. informeert het kabinet uw Kamer over de gesprekken die "
            "plaatsvinden met de Belgische autoriteiten over Dublinoverdrachten van Nederland aan België. De "
            "operationele samenwerking met België is goed; Dublinoverdrachten vinden plaats op basis van de "
            "bilaterale overeenkomst die daarover is afgesloten tussen Nederland en België. In maart 2024 "
            "concludeerde de Raad van State dat Nederland vreemdelingen mag blijven overdragen aan België op grond "
            "van de Europese Dublinverordening, omdat er onvoldoende aanknopingspunten waren dat vreemdelingen in "
            "België zouden worden behandeld in strijd met de mensenrechten. Nederland is dan ook niet gestopt met "
            "Dublinoverdrachten aan België. Momenteel ligt de vraag of Nederland, vanwege de opvangkrapte, ook "
            "alleenstaande mannen mag blijven overdragen aan België weer voor bij de Raad van State. De minister "
            "van Asiel en Migratie heeft in die procedure het standpunt ingenomen dat die overdrachten mogelijk "
            "zijn, en uit te gaan van het interstatelijk vertrouwensbeginsel ten aanzien van België. Ook in de "
            "voorbereiding van deze procedure zijn de contacten en samenwerking met de Belgische autoriteiten goed "
            "en behulpzaam geweest.",
        ),
        ("heading", "Appreciatie Europese voorstellen"),
        ("heading", "Mededeling van de Commissie over de status van migratiemanagement in Griekenland"),
        (
            "para",
            "Uw Kamer verzocht via de procedurevergadering van 23 april jl. om een kabinetsappreciatie van de "
            "mededeling die de Commissie op 4 april jl. uitbracht over de asiel- en migratiesituatie op het "
            "vasteland van Griekenland. In de Mededeling benoemt de Commissie dat Griekenland, in samenwerking met "
            "de Europese Commissie, de EU-agentschappen en ondersteund met substantiële Europese financiële "
            "middelen, een uitgebreid en functionerend asiel- en opvangsysteem heeft opgebouwd. De Commissie stelt "
            "dat met de capaciteitsopbouw Griekenland de problemen die eerder bestonden rond overbevolking en "
            "ondermaatse voorzieningen in opvangcentra heeft aangepakt. De Griekse procedures voor opvang en "
            "internationale bescherming zijn gestroomlijnd en versneld, de bescherming van de kwetsbaarste personen "
            "is verbeterd en het ingestelde wetgevingskader voor niet-begeleide minderjarigen biedt volgens de "
            "Commissie positieve vooruitzichten. Bovendien schetst de Commissie dat integratie van statushouders "
            "zich ontwikkelt tot een nationale beleidsprioriteit.",
        ),
        (
            "para",
            "Dit alles brengt de Commissie tot de conclusie dat, hoewel verbeteringen met betrekking tot bepaalde "
            "aspecten van migratiebeheer nog steeds nodig kunnen zijn, geconcludeerd kan worden dat het asiel- en "
            "opvangsysteem op het Griekse vasteland geen systemische tekortkomingen kent die leiden tot een risico "
            f"op onmenselijke of vernederende behandeling in de zin van artikel{NBSP}4 van het Handvest van de "
            "grondrechten van de EU. Bijgevolg moeten Dublinoverdrachten naar Griekenland op dezelfde wijze "
            "plaatsvinden als voor de andere lidstaten. Hiermee trekt de Commissie haar Aanbeveling uit 2016 in, "
            "waarin werd aanbevolen Dublin-overdrachten naar Griekenland alleen plaats te laten vinden op basis van "
            "individuele toezeggingen.",
        ),
        (
            "para",
            "Het kabinet verwelkomt de Mededeling van de Commissie ten zeerste. Voor Nederland is het essentieel dat "
            "alle lidstaten de Dublinverordening, de hoeksteen van het Europees asielsysteem, goed naleven. De "
            "Dublinregels zijn essentieel om secundaire migratie binnen de EU terug te dringen en zo de druk op het "
            "Nederlandse asiel- en opvangsysteem te verminderen. Om die reden dringt Nederland al lange tijd aan op "
            "een herziening van de Commissieaanbeveling uit 2016 die recht doet aan de verbeterde situatie in "
            "Griekenland. Nu de Commissie concludeert dat er geen sprake meer is van systemische tekortkomingen die "
            "leiden tot een onevenredig risico op onmenselijke of vernederende behandeling, verkent het kabinet op "
            "welke wijze Dublinoverdrachten naar Griekenland weer kunnen worden hervat. Daarvoor is het ook "
            "noodzakelijk dat de Griekse autoriteiten, conform de verplichtingen onder EU-wetgeving, Nederlandse "
            "verzoeken tot overdrachten accepteren. Uw Kamer zal geïnformeerd worden over de voortgang van deze "
            "verkenning.",
        ),
        ("heading", "1. Verordening over de bescherming van volwassenen"),
        (
            "para",
            "Op 31 mei 2023 heeft de Europese Commissie (hierna: Commissie) een voorstel voor een verordening "
            "inzake de bescherming van volwassenen in grensoverschrijdende situaties gepubliceerd. Het voorstel "
            "heeft tot doel de bescherming van kwetsbare volwassenen die in andere lidstaten verblijven, te "
            "versterken.",
        ),
        (
            "para",
            "Zoals aan uw Kamer gemeld in het BNC-fiche, steunt het kabinet de doelstelling van de verordening om de "
            "rechtszekerheid voor de burger en de bevoegde autoriteiten te vergroten, de erkenning van "
            "beschermingsmaatregelen en vertegenwoordiging in grensoverschrijdende gevallen te faciliteren en voor "
            "snellere en minder kostbare juridische procedures voor burgers in de EU zorg te dragen{4}. Het voorstel "
            "voor de verordening hangt samen met een voorstel voor een besluit van de Raad waarbij de lidstaten van "
            "de EU worden gemachtigd partij te worden of te blijven bij het Verdrag inzake de internationale "
            "bescherming van volwassenen (hierna: het HVV).{5}",
        ),
        (
            "para",
            "Het Poolse voorzitterschap is voornemens tijdens de JBZ-Raad een algemene oriëntatie aan te nemen over "
            "de eerste vijf hoofdstukken van het voorstel (het toepassingsgebied en de definities, de bevoegdheid, "
            "het toepasselijk recht, de erkenning en tenuitvoerlegging van maatregelen en authentieke akten). Over "
            "de overige hoofdstukken van de verordening wordt nog onderhandeld.",
        ),
        (
            "para",
            "Het kabinet kan de voorliggende hoofdstukken van het voorstel steunen. Deze hoofdstukken bouwen "
            "evenwichtig voort op het HVV en het EU acquis. Met dit onderdeel van de verordening wordt een "
            "belangrijke stap gezet voor een regeling over de internationale bevoegdheid van de rechter, het "
            "toepasselijke recht en de erkenning en tenuitvoerlegging van beschermingsmaatregelen voor kwetsbare "
            "volwassenen in andere lidstaten.",
        ),
        ("heading", "2. Richtlijn tot harmonisatie van bepaalde aspecten van het insolventierecht"),
        (
            "para",
            "In brede zin pleit het kabinet ter versterking van de kapitaalmarktunie onder andere voor het wegnemen "
            "van barrières op de interne markt door standaardisering en waar nodig harmonisering van wet- en "
            "regelgeving, met name daar waar er obstakels zijn op het terrein van het ondernemingsrecht, "
            "faillissementsrecht of jaarverslaggeving. Bij de beoordeling van het richtlijnvoorstel in het "
            "BNC-fiche heeft het kabinet aangegeven dat het de doelstelling van het richtlijnvoorstel steunt, omdat "
            "het kabinet groot belang hecht aan verdere verdieping van de Europese kapitaalmarktunie. Daarbij kan "
            "een goedwerkend en convergent systeem van het insolventierecht in de EU bijdragen aan het verlagen van "
            "barrières voor grensoverschrijdende financiering en investeerders.",
        ),
        (
            "para",
            "Het richtlijnvoorstel bevat acht titels die verschillende onderwerpen binnen het insolventierecht "
            "harmoniseren. Tijdens de JBZ-Raad van december 2024 is er een gedeeltelijke algemene oriëntatie "
            "bereikt op Titels I (algemene bepalingen), II (faillissementspauliana), III (het opsporen van goederen "
            "behorend tot de boedel), V (verplichtingen van de bestuurder) en VIII (factsheet met kerninformatie "
            "over het nationale insolventierecht van de richtlijn). Uw Kamer is over dit gedeeltelijk akkoord "
            "geïnformeerd.{6} De afgelopen periode hebben onderhandelingen plaatsgevonden over de nog openstaande "
            "onderdelen: over Titel IV (pre-pack procedures), Titel VI (vereenvoudigde afwikkeling van "
            "micro-ondernemingen) en Titel VII (schuldeiserscommissie).",
        ),
        ("heading", "3. Staat van het Schengengebied"),
        (
            "para",
            "Op 23 april publiceerde de Commissie het jaarlijkse rapport over de Staat van het Schengengebied. In "
            "het rapport gaat de Commissie in op de meerwaarde van Schengen, maar verwijst in dat kader ook naar de "
            "implementatie van het Schengen acquis. Momenteel wordt circa 65% van de aanbevelingen uit de "
            "Schengenevaluaties en monitoringsmechanismen nog niet geïmplementeerd. Het rapport doet daarom "
            "aanbevelingen om de Schengengovernance te verbeteren, waaronder het versterken van politiek toezicht "
            "en het opstellen van een geaggregeerd Schengen scoreboard. Verder gaat het rapport in op de versterking "
            "van het buitengrensbeheer en technologische vernieuwing en digitalisering van grensprocessen, "
            "visumbeleid, verbeteren van terugkeer, EU-uitbreiding en politiesamenwerking. Verder laat de Commissie "
            "zich kritisch uit over het groeiende aantal binnengrenscontroles.",
        ),
        (
            "para",
            "De gedachtewisseling tijdens de Raad zal met name gaan over de vaststelling van de prioriteiten van de "
            "Schengenraadscyclus voor 2025-2026. Op het moment van schrijven is nog geen discussiestuk beschikbaar. "
            "Naar verwachting zal het Voorzitterschap de volgende drie overkoepelende prioriteiten voorstellen:",
        ),
        ("bullet", "Verbetering en versnelling van implementatie IT-systemen;"),
        ("bullet", "Versterking van (de weerbaarheid van) de buitengrenzen en terugkeer;"),
        ("bullet", "Een veilig en veerkrachtig Schengengebied."),
        (
            "para",
            "Het Voorzitterschap stelt daarnaast voor om hier operationele acties aan te koppelen die uitvoering "
            "geven aan de prioriteiten. Zo wordt voorgesteld om de effectiviteit van grenscontrolechecks te "
            "verbeteren door middel van capaciteitsopbouw en het volledig benutten van bestaande IT-systemen, "
            "vrijwillige terugkeer verder te stimuleren, ook via de inzet van Frontex, het opstellen van crisis- en "
            "noodplannen aan de buitengrens en het terugkeerproces én het verbeteren van grensoverschrijdende "
            "samenwerking.",
        ),
        ("heading", "4. Implementatie van interoperabiliteit"),
        (
            "para",
            "Tijdens de vorige JBZ-Raad van 5 en 7 maart 2025 is een herziene tijdlijn voor de tenuitvoerlegging "
            "van grootschalige IT-systemen en hun interoperabiliteit aangenomen.{7} Volgens de herziene planning "
            "zal het Entry/Exit System (EES) in oktober 2025 gefaseerd van start gaan. Het European Travel "
            "Information and Authorisation System (ETIAS) staat gepland voor het vierde kwartaal van 2026. Verder "
            "is de implementatie van het vernieuwde Eurodac-system voorzien in het tweede kwartaal van 2026.",
        ),
        (
            "heading",
            "5. Bestrijding van drugshandel en georganiseerde misdaad: versterking van de justitiële samenwerking "
            "met derde landen",
        ),
        (
            "para",
            "In juni 2024 zijn er Raadsconclusies aangenomen over de versterking van justitiële samenwerking met "
            "derde landen.{8} Het Voorzitterschap zal het werk in de raadsgroepen ter uitwerking van deze "
            "Raadsconclusies toelichten. Het kabinet is van mening dat de justitiële samenwerking met derde landen "
            "van groot belang is en dat het behulpzaam kan zijn om hier in EU-verband van elkaar te leren en best "
            "practices uit te wisselen. Waar dat nodig en nuttig is gebleken, heeft Nederland daar al bijdragen aan "
            "geleverd. Hetzelfde geldt voor meetings on the spot, waar in het desbetreffende derde land ervaringen "
            "met andere lidstaten en, bijvoorbeeld, Eurojust, kunnen worden gedeeld. De plaatsing van "
            "verbindingsmagistraten door Eurojust in derde landen zal wat het kabinet betreft moeten gebeuren "
            "binnen de taakopdracht van de Eurojustverordening en het bestaande budget.",
        ),
        (
            "para",
            "Zoals eerder aangegeven{9} is het kabinet terughoudend ten aanzien van verdergaande EU-acties of druk "
            "van de EU op derde landen, waaronder bezoeken van het zogeheten Team Europe. Nederland voert met derde "
            "landen een eigen dialoog die aansluit bij de eigen operationele behoeften. Van geval tot geval zal dus "
            "moeten worden bezien of aansluiten bij Team Europe opportuun is.",
        ),
    ),
    "notes": {
        1: "Kamerstuk II 2023/2023 32 317, nr. 878",
        2: "Kamerstuk II 2024-2025, 32 317, nr. 890, Kamerstuk 22112, nr. 4031",
        3: "Kamerstuk II, 2024-2025, 30573, nr. 227",
        4: "Kamerstukken II, 2023-24, 22112, nr. 3739",
        5: "Verdrag inzake de internationale bescherming van volwassenen, 's-Gravenhage, 13-01-2000.",
        6: "Zie verslag van de JBZ-Raad van 12 en 13 december 2024, Kamerstukken II, 2024-25, 32317, nr. 925.",
        7: "Zie verslag van de JBZ-Raad van 5 en 7 maart 2025, Kamerstukken II 2024-25, 32317, nr. 935.",
        8: "Council conclusions strengthening judicial cooperation third countries",
        9: "Zie geannoteerde agenda bij de JBZ-Raad van 13 en 14 juni 2024, Kamerstukken II, 2023-24, 32317, nr. 879.",
    },
    "signature": (
        ("De minister van Justitie en Veiligheid,", "D.M. van Weel"),
        ("De staatssecretaris van Justitie en Veiligheid,", "T.H.D. Struycken"),
        ("De minister van Asiel en Migratie,", "M.H.M. Faber-van de Klashorst"),
    ),
    "footer": "Tweede Kamer, vergaderjaar 2024–2025, 32 317, nr. 948",
    "layouts": (
        {
            "name": "sans-11pt-30mm",
            "font": SANS,
            "size": 11,
            "note_size": 9,
            "margin_cm": 3.0,
            "line": 264,
        },
        {
            "name": "serif-12pt-35mm",
            "font": SERIF,
            "size": 12,
            "note_size": 10,
            "margin_cm": 3.5,
            "top_cm": 3.0,
            "line": 240,
            "justify": True,
        },
        {
            "name": "weasyprint-sans-11pt",
            "font": SANS,
            "size": 11,
            "note_size": 9,
            "margin_cm": 3.0,
            "line": 264,
            "producer": "weasyprint",
        },
    ),
    "edits": (
        {
            "id": "reference-number",
            "op": "replace",
            "where": "note",
            "find": "32317, nr. 925",
            "repl": "32317, nr. 927",
            "describe": "footnote 6 (verslag JBZ-Raad december 2024): nr. 925 -> nr. 927",
            "kind": "reference",
            "old": "32317, nr. 925",
            "new": "32317, nr. 927",
        },
        {
            "id": "reference-dossier",
            "op": "replace",
            "find": f"32 317,{NBSP}nr.{NBSP}926",
            "repl": f"32 318,{NBSP}nr.{NBSP}926",
            "describe": "body reference in 'Naleving mensenrechtenschendingen': dossier 32 317 -> 32 318",
            "kind": "reference",
            "old": "32 317, nr. 926",
            "new": "32 318, nr. 926",
        },
        {
            "id": "reference-type",
            "op": "replace",
            "where": "note",
            "find": "Kamerstukken II, 2023-24, 22112, nr. 3739",
            "repl": "Aanhangsel Handelingen II, 2023-24, 22112, nr. 3739",
            "describe": "footnote 4 (BNC-fiche): Kamerstukken II -> Aanhangsel Handelingen II",
            "kind": "reference",
            "old": "Kamerstukken II, 2023-24, 22112, nr. 3739",
            "new": "Aanhangsel Handelingen II, 2023-24, 22112, nr. 3739",
        },
        {
            "id": "date-body",
            "op": "replace",
            "find": "de Commissie op 4 april jl.",
            "repl": "de Commissie op 3 april jl.",
            "describe": "paragraph on the Greek migration situation: 4 april -> 3 april",
            "kind": "date",
            "old": "op 4 april jl. uitbracht",
            "new": "op 3 april jl. uitbracht",
        },
        {
            "id": "date-header",
            "op": "replace",
            "where": "header",
            "find": "Den Haag, 28 mei 2025",
            "repl": "Den Haag, 27 mei 2025",
            "describe": "header date line: 28 mei 2025 -> 27 mei 2025",
            "kind": "date",
            "old": "28 mei 2025",
            "new": "27 mei 2025",
        },
        {
            "id": "amount",
            "op": "replace",
            "find": "118 miljoen euro",
            "repl": "128 miljoen euro",
            "describe": "paragraph on out-of-the-box solutions: 118 miljoen euro -> 128 miljoen euro",
            "kind": "amount",
            "old": "118 miljoen euro",
            "new": "128 miljoen euro",
        },
        {
            "id": "negation",
            "op": "replace",
            "find": "Nederland is dan ook niet gestopt",
            "repl": "Nederland is dan ook gestopt",
            "describe": "paragraph on Dublin transfers to Belgium: 'niet gestopt' -> 'gestopt'",
            "kind": "negation",
            "old": "is dan ook niet gestopt",
            "new": "is dan ook gestopt",
        },
        {
            "id": "signatory",
            "op": "replace",
            "where": "signature",
            "find": "T.H.D. Struycken",
            "repl": "I. Coenradie",
            "describe": "second signatory (staatssecretaris): T.H.D. Struycken -> I. Coenradie",
            "kind": "signatory",
            "also_kinds": ("signature-removed", "signature-added"),
            "old": "T.H.D. Struycken",
            "new": "I. Coenradie",
        },
        {
            "id": "sentence-removed",
            "op": "replace",
            "find": " Uw Kamer zal geïnformeerd worden over de voortgang van deze verkenning.",
            "repl": "",
            "describe": "last sentence of 'Het kabinet verwelkomt de Mededeling …' deleted",
            "kind": "sentence-removed",
            "also_kinds": ("text-removed",),
            "old": "Uw Kamer zal geïnformeerd worden over de voortgang van deze verkenning",
            "new": "",
        },
        {
            "id": "footnote-removed",
            "op": "delete-note",
            "note": 5,
            "describe": "footnote 5 (Verdrag inzake de internationale bescherming van volwassenen) deleted, marker "
            "and body; later notes renumber",
            "kind": "footnote-removed",
            "old": "Verdrag inzake de internationale bescherming van volwassenen, 's-Gravenhage",
            "new": "",
        },
        {
            "id": "moved",
            "op": "move",
            "find": "Het kabinet kan de voorliggende hoofdstukken van het voorstel steunen.",
            "before": "3. Staat van het Schengengebied",
            "describe": "paragraph 'Het kabinet kan de voorliggende hoofdstukken …' moved from agenda item 1 to "
            "the end of agenda item 2",
            "kind": "moved",
            "old": "Het kabinet kan de voorliggende hoofdstukken van het voorstel steunen",
            "new": "Het kabinet kan de voorliggende hoofdstukken van het voorstel steunen",
        },
    ),
}


# --- 3. Eerste Kamer, QE, 18 maart 2026 (samples/2026-03-18-jbz-ek-pdf.txt) -------------------

EK_QE: dict[str, Any] = {
    "slug": "jbz-ek-qe",
    "source": "samples/2026-03-18-jbz-ek-pdf.txt (header in the form of samples/2026-06-22-jbz-ek.txt)",
    "header": (
        "Vergaderjaar 2025-2026",
        "32 317 JBZ-Raad",
        "QE",
        "Brief van de minister van Justitie en Veiligheid, de minister van Asiel en Migratie en de "
        "staatssecretaris van Justitie en Veiligheid",
        "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal",
        "Den Haag, 18 maart 2026",
    ),
    "body": (
        (
            "para",
            "Hierbij bieden wij, mede namens de minister van Binnenlandse Zaken en Koninkrijksrelaties, uw Kamer "
            "het verslag aan van de Raad Justitie en Binnenlandse Zaken (JBZ-Raad) van 5 en 6 maart 2026 in "
            "Brussel.",
        ),
        ("para", "Ook informeren wij uw Kamer over de volgende onderwerpen:"),
        ("heading", "Kopgroep contraterrorisme"),
        (
            "para",
            "Voorafgaand aan de JBZ-Raad op 5 maart 2026 organiseerde Nederland een ontbijtbijeenkomst van de "
            "kopgroep terrorismebestrijding. Tijdens deze bijeenkomst onder leiding van de minister van Justitie en "
            "Veiligheid spraken België, Denemarken, Duitsland, Finland, Frankrijk, Nederland, Oostenrijk, Spanje, "
            "Zweden en de EU Contraterrorismecoördinator over de impact van de ontwikkelingen in Syrië op de "
            "interne veiligheid van de EU en over het tegengaan van online radicalisering. Uitkomst van het ontbijt "
            "was dat Nederland in de JBZ-Raad mede namens kopgroeplanden de Europese Commissie (hierna: Commissie) "
            "in een interventie opriep om concrete stappen te zetten in het tegengaan van online radicalisering.{1} "
            "Daarnaast gaf Nederland een politiek signaal van steun af aan de Commissie, mede in het licht van "
            "kritiek op EU-wetgeving voor het digitale domein.",
        ),
        ("heading", "Kopgroep operationaliseren terugkeerhubs"),
        (
            "para",
            "En marge van deze JBZ-Raad kwam ook een kopgroep, bestaande uit Duitsland, Griekenland, Nederland en "
            "Oostenrijk, Denenmarken en de Commissie, voor een tweede keer bijeen om concrete afspraken te maken "
            "over de verkenning naar het ontwikkelen van een gezamenlijke terugkeerhub.{2} In dit kader benadrukte "
            "de minister van Asiel en Migratie namens Nederland en de andere aanwezige lidstaten het belang van een "
            "snel resultaat ten aanzien van de onderhandelingen over het voorstel voor een terugkeerverordening. "
            "Ten aanzien van de verkenning om een gezamenlijke terugkeerhub op te zetten spraken de lidstaten af om "
            "gecoördineerd in dialoog te gaan met mogelijke partnerlanden. Ook spraken de aanwezigen lidstaten af "
            "dat zij het van belang achten om internationale organisaties waaronder UNHCR en IOM vroeg te betrekken "
            "in de verkenning. Denemarken nam, gelet op de aanstaande verkiezingen, geen positie in.",
        ),
        ("heading", "Werkwijze besluit- en vertrekmoratorium voor vreemdelingen"),
        (
            "para",
            "In het commissiedebat JBZ-Raad van 3 maart jl. zegde de minister van Asiel en Migratie het lid Kröger "
            "toe om schriftelijk terug te komen op de werkwijze bij besluit- en vertrekmoratoria, meer specifiek "
            "binnen de Iraanse context en welke opties daarbij op tafel liggen. Via deze brief wordt aan deze "
            "toezegging tegemoet gekomen.",
        ),
        (
            "para",
            "Zoals de Minister van Asiel en Migratie reeds in het debat aangaf is de IND en DTenV verzocht om "
            "tijdelijk pas op de plaats te maken en geen onomkeerbare stappen te nemen in Iraanse zaken, maar was "
            "ten tijde van het debat nog geen formeel besluit- of vertrekmoratorium ingesteld. Dit is een vrij "
            "gebruikelijke eerste stap in situaties waarin er een plotse wijziging van de context voordoet waardoor "
            "niet meer zorgvuldig kan worden vastgesteld welke personen om welke reden bij terugkeer een risico "
            "lopen. Het lid Kröger stelde in relatie tot Iran voor om onmiddellijk een vertrekmoratorium af te "
            "kondigen voor Iraanse vreemdelingen, maar gelijktijdig wel door te gaan met beslissen. Om tot "
            "besluitvorming in individuele zaken over te gaan is het noodzakelijk dat de IND over actuele en "
            "accurate landeninformatie beschikt. Gelet op de recente ontwikkelingen is er echter nog veel "
            "onduidelijk en onzeker.",
        ),
        (
            "para",
            "Inmiddels zien we dat in Iran de onoverzichtelijke situatie langer aanhoudt en lijkt dit zich niet "
            "snel te stabiliseren. Dat maakt het noodzakelijk dat zowel een besluit- als vertrekmoratorium op dit "
            "moment wordt voorbereid. Het kabinet verwacht dat dit op korte termijn gereed is. Bij het instellen "
            "van een besluit- en vertrekmoratorium zal over het algemeen de IND zeer terughoudend zijn in het "
            "oppakken van asielaanvragen. Zowel voor afwijzende beslissingen als voor inwilligende beslissingen "
            "geldt dat deze zorgvuldig moeten worden genomen. Onduidelijkheid over de situatie in een herkomstland "
            "maakt beide in de regel onmogelijk. Het kabinet verwacht uw Kamer op korte termijn nader te informeren "
            "over het instellen van een besluit- en vertrekmoratorium.",
        ),
        ("heading", "Toepassing EU-lijst veilige landen van herkomst"),
        (
            "para",
            "De Commissie heeft in het voorstel voor deze specifieke lijst landen geen aanleiding gezien daarbinnen "
            "groepen of gebieden uit te zonderen van de aanwijzing. De lidstaten en het Europees Parlement hebben "
            "met dit voorstel ingestemd. Belangrijke reden voor Nederland om in te stemmen was dat de lijst "
            "bijdraagt aan de verdere harmonisering van het asielbeleid van de verschillende lidstaten, specifiek "
            "de snelle afhandeling van (in de regel) kansarme asielverzoeken. Op die wijze kan de lijst ook "
            "bijdragen aan minder secundaire migratie tussen lidstaten. De Europese lijst is verplicht; lidstaten "
            "kunnen wel aanvullende nationale lijsten hanteren, maar hebben niet de ruimte om binnen de EU-lijst "
            "zelf wijzigingen te doen. Dat neemt niet weg dat elke asielaanvraag, ook van personen uit landen op "
            "deze lijst, op de eigen merites beoordeeld wordt. Wanneer daar aanleiding toe is, kan de IND op "
            "individuele gronden de behandeling van een asielaanvraag niet volgens de versnelde procedure, maar de "
            "‘gewone’ asielprocedure behandelen. Anders dan in het huidige spoor 2, waar aanvragen van personen uit "
            "veilige landen in werden afgedaan, kent de versnelde procedure straks alle stappen die de "
            "niet-versnelde procedure ook kent. Het enige verschil is dat de procedure sneller doorlopen wordt.",
        ),
        (
            "para",
            "Voor zover het beeld zou bestaan dat de bewijslast bij vreemdelingen uit veilige landen van herkomst "
            "bij de vreemdeling ligt en in andere situaties niet, dan is dat onjuist. In alle asielzaken ligt de "
            "bewijslast als vertrekpunt bij de asielzoeker zelf. Als een vreemdeling afkomstig is uit een veilig "
            "land van herkomst, bestaat een algemeen, maar door de vreemdeling weerlegbaar, rechtsvermoeden dat voor "
            "hem daar bij terugkeer geen vervolging dreigt of risico op ernstige schade bestaat. Het begrip veilig "
            "land van herkomst mag alleen worden toegepast indien de verzoeker in het kader van een individuele "
            "beoordeling geen elementen kan verstrekken die rechtvaardigen dat het begrip veilig land van herkomst "
            "niet op hem of haar van toepassing is. In die zin is er inhoudelijk dus enkel een beperkt en relatief "
            "verschil met de algemene asielbeoordeling waarbij eveneens de bewijslast als vertrekpunt bij de "
            "asielzoeker ligt. Het primaire doel "
            "dat de nieuwe EU-procedureverordening aan het veilig land van herkomst verbindt, is de versnelde "
            "behandeling in een periode van maximaal drie maanden.",
        ),
        ("heading", "Stand van zaken onderhandelingen over het voorstel voor een terugkeerverordening"),
        (
            "para",
            "In het commissiedebat JBZ-Raad van 3 maart jl. zegde de Minister van Asiel en Migratie toe om "
            "schriftelijk terug te komen op de algemene oriëntatie van de Raad inzake het voorstel voor een "
            "terugkeerverordening, in het bijzonder de bepaling over onderzoeksbevoegdheden (artikel 23a in de "
            "algemene oriëntatie van de Raad). Met de desbetreffende bepaling wordt een rechtsgrondslag op Europees "
            "niveau gecreëerd voor bevoegdheden die nationale autoriteiten kunnen inzetten om - in geval dat "
            "noodzakelijk en gerechtvaardigd is – de terugkeer van een vreemdeling te effectueren. Iedere maatregel "
            "die opgelegd wordt moet in lijn zijn met fundamentele rechten en ook gelden de waarborgen en "
            "rechtsmiddelen die daarvoor beschikbaar zijn volgens het Unierecht en het nationale recht. Momenteel "
            "voorziet de Vreemdelingenwet in een rechtsbasis voor de inzet van soortgelijke maatregelen, zoals het "
            "onderzoeken van de kleding of het lichaam van de vreemdeling, alsmede zaken van deze persoon te "
            "doorzoeken. Eveneens voorziet het nationale recht erin dat de inzet van deze bevoegdheden door "
            "autoriteiten in lijn moet zijn met de beginselen van noodzakelijkheid en proportionaliteit. De Raad beoogt "
            "met het bepaalde in artikel 23a in het voorstel voor een terugkeerverordening deze reeds bestaande "
            "bevoegdheden op Europees niveau te regelen. Dit sluit aan bij de inzet van het kabinet, zoals "
            "uiteengezet in het BNC-fiche, om meer instrumenten ter beschikking te hebben voor nationale "
            "autoriteiten om de vreemdeling te motiveren – bij voorkeur zelfstandig – te vertrekken en anderzijds "
            "vreemdelingen beschikbaar te houden voor het gedwongen vertrekproces.{3}",
        ),
        (
            "para",
            "Het kabinet informeert uw Kamer tevens over de recente ontwikkelingen in het Europees Parlement en "
            "daarmee de huidige stand van zaken van de onderhandelingen. Recent is in de Commissie Burgerlijke "
            "vrijheden, justitie en binnenlandse zaken van het Europees Parlement een voorlopige "
            "onderhandelingspositie vastgesteld. Dit moet plenair nog worden goedgekeurd. Het is de verwachting dat "
            "dit op korte termijn zal gebeuren, waarna de onderhandelingen tussen Raad en het Parlement kunnen "
            "aanvangen. Het kabinet zet in op een snel onderhandelingsakkoord, want het Europese terugkeerbeleid "
            "moet efficiënter en doeltreffender worden om meer terugkeer te bewerkstelligen.",
        ),
        ("heading", "Dublinoverdrachten naar België"),
        (
            "para",
            "Naar aanleiding van een uitspraak van de Afdeling bestuursrechtspraak van de Raad van State (de "
            "Afdeling) van 23 juli 2025, is het op grond van de Dublinverordening terugsturen van alleenstaande "
            "mannen naar België tijdelijk stopgezet. De Afdeling oordeelde in deze uitspraak dat een "
            "niet-kwetsbare alleenstaande mannelijke asielzoeker bij overdracht aan België, wegens structurele "
            "tekortkomingen in de opvangvoorzieningen voor deze doelgroep, een reëel risico loopt om terecht te "
            "komen in een situatie die in strijd is met artikel 4 van het EU Handvest en artikel 3 van het EVRM.",
        ),
        (
            "para",
            "Naar aanleiding van deze uitspraak is contact gelegd met de Belgische autoriteiten met het verzoek om "
            "(nadere) informatie over de actuele opvangsituatie voor deze groep. Bij brief van 5 februari jl. "
            "hebben de Belgische autoriteiten over deze situatie bericht. Deze informatie van de Belgische "
            "autoriteiten is voor het kabinet aanleiding om Dublinoverdrachten van alleenstaande mannen aan België "
            "per direct weer te hervatten, omdat deze informatie voldoende verzekert dat de asielzoeker na terugkeer "
            "in België kan worden voorzien in zijn meest elementaire behoeften. Hiermee voert het kabinet de motie "
            "Rajkowski en Van Zanten uit over alles op alles zetten om Dublinclaimanten naar andere Europese landen "
            "terug te sturen, met hierbij extra aandacht voor België.{4}",
        ),
        ("heading", "Belangrijkste resultaten"),
        (
            "bullet",
            "In de Schengenraad verwelkomde een groot aantal lidstaten de daling van het aantal irreguliere "
            "overschrijdingen van de buitengrens en secundaire bewegingen binnen het Schengengebied ten opzichte "
            "van dezelfde periode vorig jaar. Wel sprak een aantal lidstaten zorgen uit over de afgifte van "
            "toeristenvisa aan Russische staatsburgers. Er was verder brede steun voor het vergroten van de "
            "effectiviteit ten aanzien van vrijwillige terugkeer waarbij het belang van een snel "
            "onderhandelingsresultaat over de voorstel voor een terugkeerverordening werd benadrukt.",
        ),
        (
            "bullet",
            "Tijdens de bespreking over de externe dimensie van migratie in Libanon en Libië was er brede consensus "
            "onder lidstaten dat de huidige inzet in de landen voortgezet moet worden. Door een groot aantal "
            "lidstaten werd aandacht gevraagd voor de precaire situatie in Libië en de waarborging van "
            "mensenrechten. Ook was er in relatie tot Libanon aandacht voor de ontwikkelingen in het Midden-Oosten.",
        ),
        (
            "bullet",
            "De Raadsconclusies over het EU Drugs Strategic Framework werden aangenomen waarmee de lidstaten in "
            "navolging van de Europese Commissie (hierna: Commissie) blijvende prioriteit en integraliteit bij de "
            "aanpak van drugscriminaliteit benadrukten.",
        ),
        (
            "bullet",
            "Bij de presentatie van de nieuwe contraterrorisme-agenda spoorde Nederland mede namens een aantal "
            "andere lidstaten de Commissie aan om concrete stappen te zetten bij het tegengaan van online "
            "radicalisering op basis van de voorstellen in het eerdere Nederlandse, Duitse en Franse non-paper.{5} "
            "Daarnaast gaf Nederland een politiek signaal van steun af aan de Commissie, mede in het licht van "
            "kritiek op EU-wetgeving voor het digitale domein.",
        ),
        ("heading", "Implementatie van interoperabiliteit: herziene routekaart voor na 2026"),
        (
            "para",
            "Momenteel worden alle zeilen bijgezet om de techniek volledig op orde te krijgen. In nauwe samenspraak "
            "met alle betrokkenen koersen we op biografische registratie (middels gegevens op het reisdocument) van "
            "alle niet-EU reizigers per 9 april 2026. Hiervoor is een aantal (IT-) randvoorwaarden nodig. De "
            "komende periode moet blijken of aan deze randvoorwaarden daadwerkelijk kan worden voldaan. De EES "
            "Verordening biedt de mogelijkheid om de verplichting tot biometrische registratie tijdelijk op te "
            "schorten na 9 april. Het tempo waarmee kan worden toegewerkt naar volledige biometrische registraties "
            "(met vingerafdrukken en gezichtsopname) is nog onderwerp van gesprek.",
        ),
        (
            "para",
            "Verder zijn de voorgelegde resterende onderdelen van de Interoperabliteit Roadmap ten aanzien van "
            "revised VIS en EU-VAP aangenomen.{6} Tot slot ziet de Raad het vernieuwde Eurodac, dat in juni 2026 in "
            "werking zal treden, als de volgende stap in het implementatieproces.",
        ),
        ("heading", "Toekomst van Europol"),
        (
            "para",
            "De Commissie lichtte toe dat in het nieuwe EU Meerjarig Financieel Kader (MFK) een bedrag van 3 "
            "miljard euro is voorgesteld om Europol in staat te stellen de lidstaten in de komende jaren beter te "
            "ondersteunen. Daarbij gaf de Commissie aan dat het van belang is richting te bepalen voor de inzet van "
            "dit budget. In dat verband ziet de Commissie mogelijkheden om bestaande informatie-hiaten te "
            "verkleinen, onder meer door informatiedeling te vergemakkelijken, en om de analytische en technische "
            "ondersteuning van lidstaten verder te versterken. Daarnaast wees de Commissie op het belang van "
            "innovatie en van de ontwikkeling van digitale opsporings- en data-analyse-instrumenten, evenals op de "
            "noodzaak te investeren in internationale samenwerking.",
        ),
    ),
    "notes": {
        1: "Conform eerder Nederlands, Duits en Frans non-paper, zie Kamerstukken II, 2025-26, 29754 nr. 773.",
        2: "Kamerstukken II, 2025-26, 32 317, nr. 994.",
        3: "Kamerstukken II, vergaderjaar 2024-2025, 22 112, nr. 4031.",
        4: "Kamerstukken II, vergaderjaar 2025-2026. 22 112, nr. 4131.",
        5: "Kamerstukken II, 2025-26, 29754 nr. 773.",
        6: "De herziene VIS-verordening en het nieuwe EU Visa Application Platform (EU-VAP).",
    },
    "signature": (
        ("De Minister van Justitie en Veiligheid,", "D.M. van Weel"),
        ("De Minister van Asiel en Migratie,", "Bart van den Brink"),
        ("De Staatssecretaris van Justitie en Veiligheid,", "Claudia van Bruggen"),
    ),
    "footer": "Eerste Kamer, vergaderjaar 2025–2026, 32 317, QE",
    "layouts": (
        {
            "name": "serif-10pt-20mm",
            "font": SERIF,
            "size": 10,
            "note_size": 8,
            "margin_cm": 2.0,
            "top_cm": 2.0,
            "line": 264,
            "justify": True,
        },
        {
            "name": "sans-12pt-35mm",
            "font": SANS,
            "size": 12,
            "note_size": 9,
            "margin_cm": 3.5,
            "line": 252,
        },
        {
            "name": "weasyprint-serif-12pt",
            "font": SERIF,
            "size": 12,
            "note_size": 11,
            "margin_cm": 3.0,
            "line": 240,
            "justify": True,
            "producer": "weasyprint",
        },
    ),
    "edits": (
        {
            "id": "reference-number",
            "op": "replace",
            "where": "note",
            "find": "32 317, nr. 994",
            "repl": "32 317, nr. 995",
            "describe": "footnote 2 (kopgroep terugkeerhubs): nr. 994 -> nr. 995",
            "kind": "reference",
            "old": "32 317, nr. 994",
            "new": "32 317, nr. 995",
        },
        {
            "id": "reference-dossier",
            "op": "replace",
            "where": "note",
            "find": "22 112, nr. 4131",
            "repl": "22 113, nr. 4131",
            "describe": "footnote 4 (motie Rajkowski en Van Zanten): dossier 22 112 -> 22 113",
            "kind": "reference",
            "old": "22 112, nr. 4131",
            "new": "22 113, nr. 4131",
        },
        {
            "id": "reference-type",
            "op": "replace",
            "where": "note",
            "find": "Kamerstukken II, vergaderjaar 2024-2025, 22 112",
            "repl": "Aanhangsel Handelingen II, vergaderjaar 2024-2025, 22 112",
            "describe": "footnote 3 (BNC-fiche terugkeerverordening): Kamerstukken II -> Aanhangsel Handelingen II",
            "kind": "reference",
            "old": "Kamerstukken II, vergaderjaar 2024-2025",
            "new": "Aanhangsel Handelingen II, vergaderjaar 2024-2025",
        },
        {
            "id": "date-body",
            "op": "replace",
            "find": "Bij brief van 5 februari jl.",
            "repl": "Bij brief van 6 februari jl.",
            "describe": "paragraph on Dublin transfers to Belgium: 5 februari -> 6 februari",
            "kind": "date",
            "old": "brief van 5 februari",
            "new": "brief van 6 februari",
        },
        {
            "id": "date-header",
            "op": "replace",
            "where": "header",
            "find": "Den Haag, 18 maart 2026",
            "repl": "Den Haag, 19 maart 2026",
            "describe": "header date line: 18 maart 2026 -> 19 maart 2026",
            "kind": "date",
            "old": "18 maart 2026",
            "new": "19 maart 2026",
        },
        {
            "id": "amount",
            "op": "replace",
            "find": "een bedrag van 3 miljard euro",
            "repl": "een bedrag van 4 miljard euro",
            "describe": "paragraph on Europol: 3 miljard euro -> 4 miljard euro",
            "kind": "amount",
            "old": "3 miljard euro",
            "new": "4 miljard euro",
        },
        {
            "id": "negation",
            "op": "replace",
            "find": "Het kabinet verwacht dat dit op korte termijn gereed is.",
            "repl": "Het kabinet verwacht niet dat dit op korte termijn gereed is.",
            "describe": "paragraph 'Inmiddels zien we …': 'verwacht dat' -> 'verwacht niet dat'",
            "kind": "negation",
            "old": "Het kabinet verwacht dat dit op korte termijn gereed is",
            "new": "Het kabinet verwacht niet dat dit op korte termijn gereed is",
        },
        {
            "id": "signatory",
            "op": "replace",
            "where": "signature",
            "find": "Bart van den Brink",
            "repl": "G. van den Brink",
            "describe": "second signatory: Bart van den Brink -> G. van den Brink (name form)",
            "kind": "signatory-name-form",
            "old": "Bart van den Brink",
            "new": "G. van den Brink",
        },
        {
            "id": "sentence-removed",
            "op": "replace",
            "find": "Dit moet plenair nog worden goedgekeurd. ",
            "repl": "",
            "describe": "paragraph 'Het kabinet informeert uw Kamer tevens …': the sentence 'Dit moet plenair nog "
            "worden goedgekeurd.' deleted",
            "kind": "sentence-removed",
            "also_kinds": ("text-removed",),
            "old": "Dit moet plenair nog worden goedgekeurd",
            "new": "",
        },
        {
            "id": "footnote-removed",
            "op": "delete-note",
            "note": 6,
            "describe": "footnote 6 (herziene VIS-verordening, EU-VAP) deleted, marker and body",
            "kind": "footnote-removed",
            "old": "De herziene VIS-verordening en het nieuwe EU Visa Application Platform",
            "new": "",
        },
        {
            "id": "moved",
            "op": "move",
            "find": "Voor zover het beeld zou bestaan dat de bewijslast",
            "before": "Dublinoverdrachten naar België",
            "describe": "paragraph 'Voor zover het beeld zou bestaan …' moved from the section on safe countries "
            "of origin to the end of the section on the return regulation",
            "kind": "moved",
            "old": "Voor zover het beeld zou bestaan dat de bewijslast",
            "new": "Voor zover het beeld zou bestaan dat de bewijslast",
        },
    ),
}

LETTERS: list[dict[str, Any]] = [TK_1014, TK_948, EK_QE]
