"""The quote group: a quote added, sent, revised, closed, renewed, edited, shown."""

from __future__ import annotations

from salesnotes.commands.table.kinds import AMOUNT, FORMAT, QUOTE_ID, WHO, Command, flag, opt

COMMANDS = (
    Command(
        "quote add",
        "quotes:quote_add",
        """\
Add a quote for a contact (a draft, or sent with --send).

Examples:

\b
salesnotes quote add jan 12.500 --title "Dakisolatie hal 3" --send
salesnotes quote add anna "€ 8.000,00" --valid 6w""",
        (
            WHO,
            AMOUNT,
            opt("title", "--title", "-t", help="What is offered."),
            opt(
                "valid",
                "--valid",
                help="A period from the quote's date (30d, 6w, 3m) or a date (31-12, 2027-01-31).",
            ),
            flag("send", "--send", help="It is sent: schedule the chase."),
            opt(
                "probability", "--probability", kind="int", help="Win chance in %, else per status."
            ),
            opt("currency", "--currency", help="Default from the configuration (EUR)."),
            opt("on", "--on", help="The quote's date (default today)."),
        ),
    ),
    Command(
        "quote send",
        "quotes:quote_send",
        "Mark a quote sent and schedule a follow-up to chase it.",
        (QUOTE_ID,),
    ),
    Command(
        "quote revise",
        "quotes:quote_revise",
        "Record a new amount; the history is kept and a sent quote moves to negotiating.",
        (
            QUOTE_ID,
            AMOUNT,
            opt("note", "--note", "-n", default="", help="Why the amount changed."),
        ),
    ),
    Command(
        "quote won",
        "quotes:quote_won",
        "Close a quote as won; a lead or prospect becomes a customer.",
        (
            QUOTE_ID,
            opt("note", "--note", "-n", default="", help="Anything to remember."),
        ),
    ),
    Command(
        "quote lost",
        "quotes:quote_lost",
        "Close a quote as lost, with the reason.",
        (
            QUOTE_ID,
            opt(
                "reason",
                "--reason",
                "-r",
                default="",
                complete="lost_reasons",
                help="Why: price, competitor, timing, no budget, no response, ... (free text).",
            ),
            opt("note", "--note", "-n", default="", help="Anything to remember."),
        ),
    ),
    Command(
        "quote expire",
        "quotes:quote_expire",
        "Close a quote as expired (no answer in time); it leaves the tray.",
        (QUOTE_ID,),
    ),
    Command(
        "quote renew",
        "quotes:quote_renew",
        "Extend an open quote's validity (recorded in its history).",
        (
            QUOTE_ID,
            opt("valid", "--valid", help="From today: 30d, 6w, or a date. Default 30 days."),
        ),
    ),
    Command(
        "quote edit",
        "quotes:quote_edit",
        "Change an open quote's win probability.",
        (
            QUOTE_ID,
            opt(
                "probability",
                "--probability",
                help="Win chance in %, or 'default' for the status's.",
            ),
        ),
    ),
    Command(
        "quote show",
        "quotes:quote_show",
        "One quote with its revisions.",
        (
            QUOTE_ID,
            FORMAT,
        ),
    ),
)
