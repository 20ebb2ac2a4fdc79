// CSV and xAPI exports from stored attempts. The xAPI statements are also run
// through Learning Locker's validator by the xapi_validation CTest (node).
#include "fixtures.hpp"

#include "frontline/results/export.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

using namespace frontline;
using namespace frontline::results;
using namespace frontline::results::testing;

TEST_CASE("CSV text fields: RFC 4180 quoting and formula injection") {
    CHECK(csv_text_field("plain") == "plain");
    CHECK(csv_text_field("a,b") == "\"a,b\"");
    CHECK(csv_text_field("say \"sorry\"") == "\"say \"\"sorry\"\"\"");
    CHECK(csv_text_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_text_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text_field("+1") == "'+1");
    CHECK(csv_text_field("-2+3") == "'-2+3");
    CHECK(csv_text_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text_field("\tx") == "'\tx");
    CHECK(csv_text_field("Zoë — café") == "Zoë — café");  // UTF-8 passes through untouched
}

TEST_CASE("ISO 8601 durations for xAPI") {
    CHECK(iso8601_duration(0) == "PT0S");
    CHECK(iso8601_duration(4.25) == "PT4.25S");
    CHECK(iso8601_duration(65.5) == "PT1M5.5S");
    CHECK(iso8601_duration(3600) == "PT1H");
    CHECK(iso8601_duration(3723.456) == "PT1H2M3.46S");
    CHECK(iso8601_duration(-3) == "PT0S");
}

namespace {

/// Splits CRLF-terminated CSV rows (the tests' data has no line breaks inside fields).
std::vector<std::string> csv_lines(const std::string& text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find("\r\n", i);
        REQUIRE(end != std::string::npos);
        out.push_back(text.substr(i, end - i));
        i = end + 2;
    }
    return out;
}

size_t count_fields(const std::string& row) {
    size_t n = 1;
    bool quoted = false;
    for (char c : row) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) ++n;
    }
    return n;
}

}  // namespace

SCENARIO("exporting a trainee's attempts") {
    TempDir dir;
    auto store = ResultsStore::open(dir.db());
    REQUIRE(store.ok());
    const Fixture& f = bundled("cold-meal");
    record_call(*store, "=cmd|' /C calc'!A0", f, best_script(f));  // a hostile name
    record_call(*store, "Zoë", f, worst_script(f), AttemptMode::assessment);
    auto open_id = store->start_attempt("Zoë", f.scenario, AttemptMode::practice, "game");
    REQUIRE(open_id.ok());
    auto details = store->attempt_details();
    REQUIRE(details.ok());
    REQUIRE(details->size() == 3);

    WHEN("attempts are written as CSV") {
        std::ostringstream out;
        write_attempts_csv(out, *details);
        const std::string text = out.str();
        THEN("it starts with a UTF-8 byte-order mark and the documented header, one row per attempt") {
            REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
            auto lines = csv_lines(text.substr(3));
            REQUIRE(lines.size() == 4);
            CHECK(lines[0].rfind("attempt_id,registration,trainee,", 0) == 0);
            for (const auto& line : lines) CHECK(count_fields(line) == attempt_csv_columns().size());
            CHECK(lines[1].find(",'=cmd|' /C calc'!A0,") != std::string::npos);  // defused, not a formula
            CHECK(lines[2].find(",Zoë,") != std::string::npos);
            CHECK(lines[2].find(",assessment,") != std::string::npos);
            CHECK(lines[3].find(",unfinished,0,") != std::string::npos);
        }
    }
    WHEN("choices are written as CSV") {
        std::ostringstream out;
        write_choices_csv(out, *details);
        auto lines = csv_lines(out.str().substr(3));
        THEN("there is one row per recorded choice, each with every column") {
            size_t choices = 0;
            for (const auto& d : *details) choices += d.choices.size();
            REQUIRE(lines.size() == choices + 1);
            for (const auto& line : lines) CHECK(count_fields(line) == choice_csv_columns().size());
        }
    }
    WHEN("the finished best-in-class attempt becomes xAPI statements") {
        const AttemptDetail& d = details->at(0);
        auto statements = xapi_statements(d);
        THEN("attempted, one answered per choice, completed and passed, in that order, all sharing the registration") {
            REQUIRE(statements.size() == d.choices.size() + 3);
            std::vector<std::string> verbs;
            for (const auto& s : statements) {
                auto j = nlohmann::json::parse(s.json);
                verbs.push_back(j["verb"]["id"].get<std::string>().substr(std::string("http://adlnet.gov/expapi/verbs/").size()));
                CHECK(j["context"]["registration"] == d.summary.registration);
                CHECK(j["actor"]["account"]["name"] == d.summary.trainee);
                CHECK(j["id"] == s.id);
            }
            CHECK(verbs.front() == "attempted");
            CHECK(verbs[1] == "answered");
            CHECK(verbs[verbs.size() - 2] == "completed");
            CHECK(verbs.back() == "passed");
            auto passed = nlohmann::json::parse(statements.back().json);
            CHECK(passed["result"]["success"] == true);
            const StoredScore& sc = *d.summary.score;
            CHECK(passed["result"]["score"]["scaled"] == Approx((sc.technical_percent + sc.personal_percent) / 200.0).margin(0.0001));
            CHECK(passed["result"]["extensions"]["https://frontline.example/xapi/extensions/technical-need"]["full"] == sc.full_technical);
            CHECK(passed["result"]["extensions"]["https://frontline.example/xapi/extensions/quadrant"] == "best-in-class");
            auto answered = nlohmann::json::parse(statements[1].json);
            CHECK(answered["object"]["definition"]["interactionType"] == "choice");
            CHECK(answered["result"]["response"] == "choice-" + std::to_string(d.choices[0].choice_index + 1));
            CHECK(answered["result"]["duration"] == "PT3S");
            CHECK(answered["result"]["extensions"]["https://frontline.example/xapi/extensions/presented-at"] == d.choices[0].presented);
            CHECK_FALSE(answered["context"]["extensions"].contains("https://frontline.example/xapi/extensions/shuffle-seed"));
        }
        THEN("exporting again gives the very same statements, so a resend is a duplicate, not new data") {
            auto again = xapi_statements(*store->attempt(d.summary.id));
            REQUIRE(again.size() == statements.size());
            for (size_t i = 0; i < again.size(); ++i) CHECK(again[i].json == statements[i].json);
        }
    }
    WHEN("the unfinished attempt becomes statements") {
        THEN("there is only `attempted` (no choices yet), no completion") {
            auto statements = xapi_statements(details->at(2));
            REQUIRE(statements.size() == 1);
            CHECK(statements[0].json.find("/verbs/attempted") != std::string::npos);
        }
    }
    WHEN("the mere-mortal attempt becomes statements") {
        auto statements = xapi_statements(details->at(1));
        auto verdict = nlohmann::json::parse(statements.back().json);
        THEN("the verdict is failed, with the two needs as result extensions") {
            CHECK(verdict["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed");
            CHECK(verdict["result"]["success"] == false);
            const auto& ext = verdict["result"]["extensions"];
            CHECK(ext["https://frontline.example/xapi/extensions/technical-need"]["met"] == false);
            CHECK(ext["https://frontline.example/xapi/extensions/personal-need"].contains("passMark"));
            const double scaled = verdict["result"]["score"]["scaled"];
            CHECK(scaled >= 0.0);
            CHECK(scaled < 1.0);
        }
    }
}
