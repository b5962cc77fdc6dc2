"""Hand-written word lists for the dictionary layer: words that are never dictionary terms.

Written for this project. Two kinds:

- STOP_WORDS: function words that stand capitalised at the start of a sentence ("Die",
  "Nach", "Seit"); the layer only looks at capitalised words, so these come by often.
- COMMON_WORDS: everyday words of all news that the Ding file tags ``[pol.]``, ``[mil.]`` or
  ``[jur.]`` in one of their senses (Regierung, Partei, Vertrag, Präsident). A reader of any
  article knows them, a specialist would not list them, and sport and culture reporting is
  full of them. They are still a compound's head when the modifier is a security term
  (Militärregierung), see :mod:`desktop.core.terms.vocabulary`.

Entries are lower case; the lists are compared with the folded form of a lemma.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beide
    beim bereits bis bisher da dabei dadurch dafür dagegen daher damals damit danach dann
    daran darauf darum das dass davon dazu dem den denen denn der deren des deshalb dessen
    die dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer
    eines einige einigen einmal er es etwa euch falls für gegen hier hinter ich ihr ihre
    ihrem ihren ihrer im immer in indem ins inzwischen jede jedem jeden jeder jedes jedoch
    jene jetzt kein keine keinem keinen keiner man manche mehr mit nach nachdem neben nein
    nicht noch nun nur ob obwohl oder ohne schon sehr sein seine seinem seinen seiner seit
    seitdem sich sie sind so sogar solche sondern sowie später statt trotz über um und uns
    unser unter vom von vor während was weil weiter welche wenn wer wie wieder wir wo zu
    zum zur zwar zwischen heute gestern morgen zudem außerdem laut zuletzt erst ebenfalls
    """.split()
)

COMMON_WORDS = frozenset(
    """
    abgeordnete abgeordneter abkommen amt ämter antrag ausschuss behörde beschluss bund
    bundesland bundesregierung bundestag bürger bürgerin bürgermeister bürgermeisterin chef
    chefin debatte demokratie fraktion führung gemeinde gericht gesetz gipfel haushalt
    kandidat kandidatin kanzler kanzlerin kommission koalition kongress land landesregierung
    landtag macht mehrheit minister ministerin ministerium mitglied nation opposition
    parlament partei politik politiker politikerin präsident präsidentin präsidium rat recht
    regierung republik sitzung sprecher sprecherin staat stadt stimme urteil verband
    verfassung verhandlung verhandlungen vertrag vertreter vertreterin verwaltung volk
    vorsitzende vorsitzender wahl wähler wahlen wahlkampf staatsanwalt klage richter
    richterin gesetzgebung reform steuer steuern abstimmung kabinett senat botschafter
    botschafterin diplomat diplomatin außenminister außenministerin delegation kommune
    prozess botschaft mission frieden kommando krise anklage stellung friede hauptstadt
    """.split()
)
