// .po files as translators' tools write them: escapes, continued strings, plurals,
// fuzzy and obsolete entries, and clear errors for broken files.
#include "frontline/po.hpp"
#include "frontline/translation.hpp"

#include <catch2/catch.hpp>

using namespace frontline;

namespace {
PoFile parsed(std::string_view text) {
    std::vector<PoError> errors;
    auto po = parse_po(text, errors);
    for (const auto& e : errors) INFO(format_po_error("t.po", e));
    REQUIRE(po);
    REQUIRE(errors.empty());
    return *po;
}

std::vector<PoError> errors_of(std::string_view text) {
    std::vector<PoError> errors;
    CHECK_FALSE(parse_po(text, errors));
    return errors;
}
}  // namespace

SCENARIO("reading a catalogue", "[po]") {
    const std::string text =
        "# A comment\n"
        "msgid \"\"\n"
        "msgstr \"\"\n"
        "\"Language: fr\\n\"\n"
        "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        "\n"
        "#. customer line at node opening\n"
        "#: kettle.yaml:14\n"
        "msgctxt \"opening.customer.1a2b3c\"\n"
        "msgid \"\"\n"
        "\"It \\\"broke\\\"\\n\"\n"
        "\"after a week.\\t\\\\\"\n"
        "msgstr \"Elle s'est \\\"cassée\\\"\\nau bout d'une semaine.\\t\\\\\"\n"
        "\n"
        "#, fuzzy\n"
        "msgctxt \"opening.say.aaaaaa\"\n"
        "msgid \"Did you descale it?\"\n"
        "msgstr \"Vous l'avez détartrée ?\"\n"
        "\n"
        "msgid \"One call\"\n"
        "msgid_plural \"%d calls\"\n"
        "msgstr[0] \"Un appel\"\n"
        "msgstr[1] \"%d appels\"\n"
        "\n"
        "msgid \"Settings\"\n"
        "msgstr \"Réglages\"\n"
        "\n"
        "#~ msgctxt \"gone.say.bbbbbb\"\n"
        "#~ msgid \"Old line\"\n"
        "#~ msgstr \"Ancienne réplique\"\n";
    PoFile po = parsed(text);
    THEN("the header, escapes and continued strings are read") {
        CHECK(po.header == "Language: fr\nContent-Type: text/plain; charset=UTF-8\n");
        REQUIRE(po.entries.size() == 5);
        CHECK(po.entries[0].context == "opening.customer.1a2b3c");
        CHECK(po.entries[0].id == "It \"broke\"\nafter a week.\t\\");
        CHECK(po.entries[0].translation() == "Elle s'est \"cassée\"\nau bout d'une semaine.\t\\");
        CHECK(po.entries[0].extracted == std::vector<std::string>{"customer line at node opening"});
        CHECK(po.entries[0].references == std::vector<std::string>{"kettle.yaml:14"});
        CHECK(po.entries[0].line == 7);
    }
    THEN("flags, plurals and obsolete entries are kept apart") {
        CHECK(po.entries[1].fuzzy());
        CHECK(po.entries[2].plural == "%d calls");
        CHECK(po.entries[2].translations == std::vector<std::string>{"Un appel", "%d appels"});
        CHECK(po.entries[4].obsolete);
        CHECK(po.entries[4].context == "gone.say.bbbbbb");
    }
    THEN("a catalogue uses only current, finished translations") {
        Catalogue c(po);
        CHECK(c.line("opening.customer.1a2b3c", "It \"broke\"\nafter a week.\t\\").state ==
              Catalogue::State::translated);
        CHECK(c.line("opening.customer.1a2b3c", "It broke.").state == Catalogue::State::stale);
        CHECK(c.line("opening.say.aaaaaa", "Did you descale it?").state == Catalogue::State::missing);  // fuzzy
        CHECK(c.line("gone.say.bbbbbb", "Old line").state == Catalogue::State::missing);                // obsolete
        CHECK(c.ui(std::string("Settings")) == "Réglages");
        CHECK(c.ui(std::string("Quit")) == "Quit");  // falls back to the English
    }
    THEN("writing it and reading it back gives the same entries") {
        PoFile again = parsed(write_po(po));
        CHECK(again.header == po.header);
        REQUIRE(again.entries.size() == po.entries.size());
        for (size_t i = 0; i < po.entries.size(); ++i) {
            CHECK(again.entries[i].context == po.entries[i].context);
            CHECK(again.entries[i].id == po.entries[i].id);
            CHECK(again.entries[i].translations == po.entries[i].translations);
            CHECK(again.entries[i].flags == po.entries[i].flags);
            CHECK(again.entries[i].obsolete == po.entries[i].obsolete);
        }
    }
}

TEST_CASE("a byte-order mark and Windows line ends are accepted", "[po]") {
    PoFile po =
        parsed("\xEF\xBB\xBFmsgid \"\"\r\nmsgstr \"Language: fr\\n\"\r\n\r\nmsgid \"Yes\"\r\nmsgstr \"Oui\"\r\n");
    REQUIRE(po.entries.size() == 1);
    CHECK(po.entries[0].translation() == "Oui");
}

TEST_CASE("broken catalogues give file:line errors", "[po]") {
    auto first = [](const std::vector<PoError>& e) {
        REQUIRE_FALSE(e.empty());
        return e.front();
    };
    CHECK(first(errors_of("msgid \"a\"\nmsgstr \"b\n")).line == 2);
    CHECK(first(errors_of("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n")).message.find("duplicate") !=
          std::string::npos);
    CHECK(first(errors_of("msgid \"a\"\nmsgstr \"\\q\"\n")).message.find("unknown escape") != std::string::npos);
    CHECK(first(errors_of("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n")).message.find("no msgstr") !=
          std::string::npos);
    CHECK(first(errors_of("msgstr \"c\"\n")).line == 1);
    CHECK(first(errors_of("msgid \"a\"\nmsgstr \"b\"\nmsgtext \"c\"\n")).message.find("unknown keyword 'msgtext'") !=
          std::string::npos);
    CHECK(first(errors_of("\"loose\"\n")).message.find("no keyword") != std::string::npos);
    CHECK(first(errors_of("msgid \"a\"\nmsgstr \"b\" x\n")).message.find("after the closing") != std::string::npos);
    CHECK(format_po_error("fr/k.po", {4, "boom"}) == "fr/k.po:4: error: boom");
}

SCENARIO("merging a catalogue with a new template", "[po][i18n]") {
    auto entry = [](std::string ctx, std::string id, std::string str = "") {
        PoEntry e;
        e.has_context = true;
        e.context = std::move(ctx);
        e.id = std::move(id);
        if (!str.empty()) e.translations.push_back(std::move(str));
        return e;
    };
    PoFile old;
    old.header = po_header("frontline", "fr");
    old.entries = {entry("a", "Hello", "Bonjour"), entry("b", "Bye", "Au revoir"), entry("c", "Gone", "Parti")};
    PoFile pot;
    pot.entries = {entry("a", "Hello"), entry("b", "Goodbye"), entry("d", "New")};
    PoFile merged = merge_po(old, pot, "fr");
    REQUIRE(merged.entries.size() == 4);
    THEN("unchanged English keeps its translation") {
        CHECK(merged.entries[0].translation() == "Bonjour");
        CHECK_FALSE(merged.entries[0].fuzzy());
    }
    THEN("changed English keeps it as fuzzy, which counts as missing") {
        CHECK(merged.entries[1].translation() == "Au revoir");
        CHECK(merged.entries[1].fuzzy());
        CHECK(Catalogue(merged).line("b", "Goodbye").state == Catalogue::State::missing);
    }
    THEN("new texts are untranslated and old ones obsolete") {
        CHECK(merged.entries[2].translation().empty());
        CHECK(merged.entries[3].obsolete);
        CHECK(merged.entries[3].context == "c");
    }
}

SCENARIO("gettext plural rules are evaluated", "[po][plural]") {
    GIVEN("the rules of a few languages") {
        THEN("each picks the form gettext would") {
            CHECK(evaluate_plural_rule("(n > 1)", 0) == 0UL);
            CHECK(evaluate_plural_rule("(n > 1)", 2) == 1UL);
            CHECK(evaluate_plural_rule("(n != 1)", 0) == 1UL);
            CHECK(evaluate_plural_rule("0", 7) == 0UL);
            const std::string ru = plural_rule_of(std::string("Plural-Forms: ") + plural_forms_for("ru") + "\n");
            CHECK(evaluate_plural_rule(ru, 1) == 0UL);
            CHECK(evaluate_plural_rule(ru, 3) == 1UL);
            CHECK(evaluate_plural_rule(ru, 11) == 2UL);
            CHECK(evaluate_plural_rule(ru, 22) == 1UL);
            CHECK(evaluate_plural_rule(ru, 25) == 2UL);
        }
    }
    GIVEN("expressions that are not plural rules") {
        THEN("they are refused, not guessed") {
            CHECK_FALSE(evaluate_plural_rule("n >", 1));
            CHECK_FALSE(evaluate_plural_rule("n % 0", 1));
            CHECK_FALSE(evaluate_plural_rule("(n", 1));
            CHECK_FALSE(evaluate_plural_rule(std::string(200, '('), 1));
            CHECK_FALSE(evaluate_plural_rule("m == 1", 1));
        }
    }
}

SCENARIO("interface catalogues merge by English text", "[po][i18n]") {
    std::vector<PoError> errors;
    auto pot = parse_po(
        "msgid \"\"\nmsgstr \"\"\n\n#: a.cpp\nmsgid \"Settings\"\nmsgstr \"\"\n\n"
        "#: a.cpp\n#, c-format\nmsgid \"%d call\"\nmsgid_plural \"%d calls\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n",
        errors);
    auto old = parse_po(
        "msgid \"\"\nmsgstr \"Language: fr\\nPlural-Forms: nplurals=2; plural=(n > 1);\\n\"\n\n"
        "msgid \"Settings\"\nmsgstr \"Réglages\"\n\nmsgid \"Gone\"\nmsgstr \"Parti\"\n",
        errors);
    REQUIRE(pot);
    REQUIRE(old);
    WHEN("a catalogue is brought up to date") {
        PoFile merged = merge_interface_po(*old, *pot, "fr");
        THEN("kept translations stay, new strings are empty, gone ones are obsolete") {
            REQUIRE(merged.entries.size() == 3);
            CHECK(merged.entries[0].translation() == "Réglages");
            CHECK(merged.entries[1].plural == "%d calls");
            CHECK(merged.entries[1].translation().empty());
            CHECK(merged.entries[2].obsolete);
            CHECK(merged.header == old->header);
            InterfaceStatus st = interface_status(merged, *pot);
            CHECK(st.total == 2);
            CHECK(st.translated == 1);
            CHECK(st.missing == 1);
        }
    }
    WHEN("there is no catalogue yet") {
        PoFile fresh = merge_interface_po({}, *pot, "fr");
        THEN("its header has French plural forms") {
            CHECK(fresh.header.find("Plural-Forms: nplurals=2; plural=(n > 1);") != std::string::npos);
            Catalogue c(fresh);
            CHECK(c.plural_index(1) == 0);
            CHECK(c.plural_index(2) == 1);
        }
    }
}
