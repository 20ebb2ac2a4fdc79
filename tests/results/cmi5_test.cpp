// cmi5: the launch URL, the LMS's launch data, the statements an AU sends and the
// course structure. The browser sends these (tests/web/smoke.js checks them there).
#include "fixtures.hpp"

#include "frontline/results/cmi5.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>

using namespace frontline;
using namespace frontline::results;
using namespace frontline::results::testing;
using nlohmann::json;

namespace {

const char* actor_json =
    R"({"objectType":"Agent","name":"Zoë","account":{"homePage":"https://lms.example","name":"zoe"}})";

std::string encoded(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

std::string launch_query() {
    return "?scenario=cold-meal.yaml&endpoint=" + encoded("http://127.0.0.1:9/xAPI/") +
           "&fetch=" + encoded("http://127.0.0.1:9/token?k=1&x=2") +
           "&registration=ec531277-b57b-4c15-8d91-d292c5b2b8f7&activityId=" +
           encoded("https://frontline.example/xapi/scenarios/cold-meal") + "&actor=" + encoded(actor_json);
}

std::string verb_of(const std::string& statement) {
    const std::string id = json::parse(statement)["verb"]["id"].get<std::string>();
    return id.substr(id.rfind('/') + 1);
}

bool has_category(const json& st, const std::string& id) {
    if (!st["context"].contains("contextActivities") || !st["context"]["contextActivities"].contains("category"))
        return false;
    for (const auto& a : st["context"]["contextActivities"]["category"])
        if (a["id"] == id) return true;
    return false;
}

}  // namespace

TEST_CASE("cmi5 launch parameters are read from the launch URL") {
    std::string error;
    auto p = cmi5::parse_launch_query(launch_query(), error);
    REQUIRE(p);
    CHECK(error.empty());
    CHECK(p->endpoint == "http://127.0.0.1:9/xAPI/");
    CHECK(p->fetch == "http://127.0.0.1:9/token?k=1&x=2");
    CHECK(p->registration == "ec531277-b57b-4c15-8d91-d292c5b2b8f7");
    CHECK(p->activity_id == "https://frontline.example/xapi/scenarios/cold-meal");
    CHECK(json::parse(p->actor)["name"] == "Zoë");

    CHECK_FALSE(cmi5::parse_launch_query("?scenario=cold-meal.yaml", error));
    CHECK(error.empty());  // no LMS: played on its own, not an error

    CHECK_FALSE(cmi5::parse_launch_query("endpoint=http%3A%2F%2Fx&fetch=http%3A%2F%2Fy", error));
    CHECK(error.find("registration, activityId, actor") != std::string::npos);

    CHECK_FALSE(cmi5::parse_launch_query(
        "endpoint=a&fetch=b&registration=c&activityId=d&actor=" + encoded(R"({"name":"nobody"})"), error));
    CHECK(error.find("not an xAPI Agent") != std::string::npos);
}

TEST_CASE("cmi5 launch data and the token answer") {
    std::string error;
    auto d = cmi5::parse_launch_data(
        R"({"launchMode":"Normal","moveOn":"Passed","masteryScore":0.8,
            "contextTemplate":{"extensions":{"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"s-1"}}})",
        error);
    REQUIRE(d);
    CHECK(d->move_on == "Passed");
    REQUIRE(d->mastery_score);
    CHECK(*d->mastery_score == Approx(0.8));
    CHECK(d->context_template.find("s-1") != std::string::npos);
    CHECK_FALSE(cmi5::parse_launch_data(R"({"masteryScore":"high"})", error));
    CHECK(error.find("masteryScore") != std::string::npos);
    CHECK_FALSE(cmi5::parse_launch_data("[]", error));

    CHECK(cmi5::parse_fetch_reply(R"({"auth-token":"QWxhZGRpbjpvcGVu"})", error) == "QWxhZGRpbjpvcGVu");
    CHECK_FALSE(cmi5::parse_fetch_reply(R"({"error-code":"1","error-text":"already used"})", error));
    CHECK(error.find("already used") != std::string::npos);
}

SCENARIO("an AU's statements for a finished call") {
    TempDir dir;
    auto store = ResultsStore::open(dir.db());
    REQUIRE(store.ok());
    const Fixture& f = bundled("cold-meal");
    record_call(*store, "zoe", f, best_script(f));
    record_call(*store, "zoe", f, worst_script(f));
    auto details = store->attempt_details();
    REQUIRE(details.ok());
    REQUIRE(details->size() == 2);

    std::string error;
    cmi5::Session session;
    session.launch = *cmi5::parse_launch_query(launch_query(), error);
    session.session_id = "0c5f4a2e-0000-4000-8000-000000000001";

    GIVEN("a Normal launch without a masteryScore") {
        WHEN("the best call is turned into statements") {
            auto statements = cmi5::attempt_statements(session, details->at(0));
            THEN("answered ones first, then completed and passed, about the AU, with cmi5's context") {
                REQUIRE(statements.size() == details->at(0).choices.size() + 2);
                CHECK(verb_of(statements[0]) == "answered");
                CHECK(verb_of(statements[statements.size() - 2]) == "completed");
                CHECK(verb_of(statements.back()) == "passed");
                for (const std::string& text : statements) {
                    json st = json::parse(text);
                    CHECK(st["actor"]["account"]["name"] == "zoe");
                    CHECK(st["context"]["registration"] == session.launch.registration);
                    CHECK(st["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] ==
                          session.session_id);
                    const bool defined = verb_of(text) != "answered";
                    CHECK(has_category(st, "https://w3id.org/xapi/cmi5/context/categories/cmi5") == defined);
                    CHECK(has_category(st, "https://w3id.org/xapi/cmi5/context/categories/moveon") == defined);
                    if (defined) CHECK(st["object"]["id"] == session.launch.activity_id);
                }
                json passed = json::parse(statements.back());
                CHECK(passed["result"]["success"] == true);
                CHECK(passed["result"]["score"]["scaled"].get<double>() > 0.5);
                CHECK(passed["result"]["extensions"].size() >= 2);  // both needs
                CHECK(json::parse(statements[statements.size() - 2])["result"]["completion"] == true);
            }
        }
        WHEN("the worst call is turned into statements") {
            auto statements = cmi5::attempt_statements(session, details->at(1));
            THEN("it ends in failed") { CHECK(verb_of(statements.back()) == "failed"); }
        }
        WHEN("a failed call is retried and passed in the same session") {
            auto first = cmi5::attempt_statements(session, details->at(1));
            auto second = cmi5::attempt_statements(session, details->at(0));
            auto third = cmi5::attempt_statements(session, details->at(1));
            THEN("one completed in all, passed once, and nothing of passed/failed after it") {
                CHECK(verb_of(first[first.size() - 2]) == "completed");
                CHECK(verb_of(first.back()) == "failed");
                CHECK(verb_of(second.back()) == "passed");
                CHECK(verb_of(second[second.size() - 2]) == "answered");
                for (const std::string& text : third) CHECK(verb_of(text) == "answered");
            }
        }
    }
    GIVEN("a call whose choices are sent as they are made") {
        AttemptDetail so_far = details->at(0);
        REQUIRE(so_far.choices.size() > 2);
        so_far.choices.resize(2);
        cmi5::Session fresh = session;
        const auto full = cmi5::attempt_statements(fresh, details->at(0));
        THEN("each choice's answered statement goes once, and the end of the call sends the rest") {
            auto early = cmi5::answered_statements(session, so_far);
            CHECK(early.size() == 2);
            CHECK(cmi5::answered_statements(session, so_far).empty());  // told again: nothing new
            auto at_end = cmi5::attempt_statements(session, details->at(0));
            REQUIRE(at_end.size() == details->at(0).choices.size() - 2 + 2);
            CHECK(verb_of(at_end[at_end.size() - 2]) == "completed");
            // Together, the same choices in the same order as all sent at the end.
            std::vector<std::string> objects, expected;
            for (const auto& list : {early, at_end})
                for (const std::string& text : list)
                    if (verb_of(text) == "answered") objects.push_back(json::parse(text)["object"]["id"]);
            for (const std::string& text : full)
                if (verb_of(text) == "answered") expected.push_back(json::parse(text)["object"]["id"]);
            CHECK(objects == expected);
            for (const std::string& text : early) {
                json st = json::parse(text);
                CHECK(st["context"]["registration"] == session.launch.registration);
                CHECK_FALSE(has_category(st, "https://w3id.org/xapi/cmi5/context/categories/cmi5"));
            }
        }
    }
    GIVEN("the LMS's masteryScore") {
        session.data.mastery_score = 0.0;
        THEN("it decides, and passed carries it in its context") {
            auto statements = cmi5::attempt_statements(session, details->at(1));
            CHECK(verb_of(statements.back()) == "passed");
            CHECK(json::parse(statements.back())["context"]["extensions"]
                                                ["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.0);
        }
    }
    GIVEN("a Review launch") {
        session.data.launch_mode = "Review";
        THEN("no completed, passed or failed is sent") {
            for (const std::string& text : cmi5::attempt_statements(session, details->at(0)))
                CHECK(verb_of(text) == "answered");
        }
    }
    THEN("initialized and terminated are about the AU, terminated with the session's duration") {
        CHECK(verb_of(cmi5::initialized_statement(session, "2026-01-01T00:00:00.000Z")) == "initialized");
        json t = json::parse(cmi5::terminated_statement(session, "2026-01-01T00:05:00.000Z", 300));
        CHECK(t["result"]["duration"] == "PT5M");
        CHECK(has_category(t, "https://w3id.org/xapi/cmi5/context/categories/cmi5"));
    }
}

TEST_CASE("cmi5.xml: one course, one AU per scenario, escaped") {
    const std::string xml = cmi5::course_structure_xml(
        "Service & care", {{"cold-meal", "The Cold Meal", "A <cold> steak", "cold-meal.yaml"},
                           {"late-checkout", "No Room at Two", "", "late-checkout.yaml"}});
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0) == 0);
    CHECK(xml.find("xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\"") != std::string::npos);
    CHECK(xml.find("Service &amp; care") != std::string::npos);
    CHECK(xml.find("A &lt;cold&gt; steak") != std::string::npos);
    CHECK(xml.find("<url>index.html?scenario=cold-meal.yaml</url>") != std::string::npos);
    size_t aus = 0;
    for (size_t at = xml.find("<au "); at != std::string::npos; at = xml.find("<au ", at + 1)) ++aus;
    CHECK(aus == 2);
}

TEST_CASE("cmi5: the closing page's one request holds what fits, terminated last") {
    const std::vector<std::string> queued = {R"({"n":1})", R"({"n":2})", R"({"n":3})"};
    const std::string terminated = R"({"verb":"terminated"})";
    auto all = cmi5::closing_batch(queued, terminated);
    CHECK(all.body == R"([{"n":1},{"n":2},{"n":3},{"verb":"terminated"}])");
    CHECK(all.sent == 3);
    CHECK(all.left == 0);
    // Room for the oldest two only: the newest stays behind, terminated still goes.
    const size_t limit = std::string(R"([{"n":1},{"n":2},{"verb":"terminated"}])").size();
    auto some = cmi5::closing_batch(queued, terminated, limit);
    CHECK(some.body == R"([{"n":1},{"n":2},{"verb":"terminated"}])");
    CHECK(some.body.size() <= limit);
    CHECK(some.sent == 2);
    CHECK(some.left == 1);
    CHECK(json::parse(cmi5::closing_batch({}, terminated).body).size() == 1);
}
