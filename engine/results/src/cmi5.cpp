// cmi5: launch parameters, LMS.LaunchData, the cmi5-defined statements and cmi5.xml.
// Sections: helpers / launch / statements / course structure.
#include "frontline/results/cmi5.hpp"

#include "frontline/results/text_escape.hpp"
#include "frontline/results/uuid.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace frontline::results::cmi5 {

using nlohmann::json;

namespace {

// --- helpers ---------------------------------------------------------------------

constexpr const char* category_cmi5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
constexpr const char* category_moveon = "https://w3id.org/xapi/cmi5/context/categories/moveon";
constexpr const char* ext_session = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
constexpr const char* ext_mastery = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
constexpr const char* adl_verbs = "http://adlnet.gov/expapi/verbs/";

json verb(const std::string& name) { return {{"id", std::string(adl_verbs) + name}, {"display", {{"en-US", name}}}}; }

std::string new_id() { return random_uuid().value_or("00000000-0000-4000-8000-000000000000"); }

/// The context of a cmi5-defined statement: the LMS's template, then what cmi5 requires.
json cmi5_context(const Session& s, bool move_on) {
    json ctx = json::object();
    if (!s.data.context_template.empty()) {
        json t = json::parse(s.data.context_template, nullptr, false);
        if (t.is_object()) ctx = t;
    }
    ctx["registration"] = s.launch.registration;
    json& categories = ctx["contextActivities"]["category"];
    if (!categories.is_array()) categories = json::array();
    categories.push_back({{"objectType", "Activity"}, {"id", category_cmi5}});
    if (move_on) categories.push_back({{"objectType", "Activity"}, {"id", category_moveon}});
    ctx["extensions"][ext_session] = s.session_id;
    return ctx;
}

json au_activity(const Session& s) { return {{"objectType", "Activity"}, {"id", s.launch.activity_id}}; }

json statement(const Session& s, const std::string& verb_name, const std::string& timestamp, bool move_on) {
    return {{"id", new_id()},           {"actor", json::parse(s.launch.actor)}, {"verb", verb(verb_name)},
            {"object", au_activity(s)}, {"context", cmi5_context(s, move_on)},  {"timestamp", timestamp}};
}

}  // namespace

// --- launch ----------------------------------------------------------------------

std::optional<LaunchParameters> parse_launch_query(const std::string& query, std::string& error) {
    error.clear();
    std::map<std::string, std::string> values;
    std::string q = !query.empty() && query[0] == '?' ? query.substr(1) : query;
    size_t start = 0;
    while (start <= q.size()) {
        size_t end = q.find('&', start);
        if (end == std::string::npos) end = q.size();
        const std::string pair = q.substr(start, end - start);
        if (!pair.empty()) {
            const size_t eq = pair.find('=');
            values[percent_decoded(pair.substr(0, eq))] =
                eq == std::string::npos ? "" : percent_decoded(pair.substr(eq + 1));
        }
        start = end + 1;
    }
    if (!values.count("endpoint") && !values.count("fetch")) return std::nullopt;
    LaunchParameters p;
    const std::pair<const char*, std::string*> wanted[] = {{"endpoint", &p.endpoint},
                                                           {"fetch", &p.fetch},
                                                           {"registration", &p.registration},
                                                           {"activityId", &p.activity_id},
                                                           {"actor", &p.actor}};
    std::string missing;
    for (const auto& [name, target] : wanted) {
        auto it = values.find(name);
        if (it == values.end() || it->second.empty()) missing += std::string(missing.empty() ? "" : ", ") + name;
        else *target = it->second;
    }
    if (!missing.empty()) {
        error = "The LMS launch is missing cmi5 launch parameters: " + missing + ".";
        return std::nullopt;
    }
    const json actor = json::parse(p.actor, nullptr, false);
    if (!actor.is_object() || (!actor.contains("account") && !actor.contains("mbox") &&
                               !actor.contains("mbox_sha1sum") && !actor.contains("openid"))) {
        error = "The LMS launch's actor is not an xAPI Agent (JSON with an account or mbox).";
        return std::nullopt;
    }
    return p;
}

std::optional<LaunchData> parse_launch_data(const std::string& json_text, std::string& error) {
    error.clear();
    const json doc = json::parse(json_text, nullptr, false);
    if (!doc.is_object()) {
        error = "The LMS's launch data (LMS.LaunchData) is not a JSON object.";
        return std::nullopt;
    }
    LaunchData d;
    if (doc.contains("launchMode") && doc["launchMode"].is_string())
        d.launch_mode = doc["launchMode"].get<std::string>();
    if (doc.contains("moveOn") && doc["moveOn"].is_string()) d.move_on = doc["moveOn"].get<std::string>();
    if (doc.contains("returnURL") && doc["returnURL"].is_string()) d.return_url = doc["returnURL"].get<std::string>();
    if (doc.contains("masteryScore")) {
        if (!doc["masteryScore"].is_number() || doc["masteryScore"].get<double>() < 0 ||
            doc["masteryScore"].get<double>() > 1) {
            error = "The LMS's masteryScore must be a number from 0 to 1.";
            return std::nullopt;
        }
        d.mastery_score = doc["masteryScore"].get<double>();
    }
    if (doc.contains("contextTemplate")) {
        if (!doc["contextTemplate"].is_object()) {
            error = "The LMS's contextTemplate is not a JSON object.";
            return std::nullopt;
        }
        d.context_template = doc["contextTemplate"].dump();
    }
    return d;
}

std::optional<std::string> parse_fetch_reply(const std::string& json_text, std::string& error) {
    error.clear();
    const json doc = json::parse(json_text, nullptr, false);
    if (doc.is_object() && doc.contains("auth-token") && doc["auth-token"].is_string())
        return doc["auth-token"].get<std::string>();
    if (doc.is_object() && doc.contains("error-text") && doc["error-text"].is_string())
        error = "The LMS refused the launch token: " + doc["error-text"].get<std::string>();
    else error = "The LMS's token answer has no auth-token.";
    return std::nullopt;
}

// --- statements ------------------------------------------------------------------

std::string initialized_statement(const Session& s, const std::string& timestamp) {
    return statement(s, "initialized", timestamp, false).dump();
}

std::string terminated_statement(const Session& s, const std::string& timestamp, double session_seconds) {
    json st = statement(s, "terminated", timestamp, false);
    st["result"] = {{"duration", iso8601_duration(session_seconds)}};
    return st.dump();
}

double scaled_score(const AttemptSummary& a) {
    if (!a.score) return 0;
    const double mean = (a.score->technical_percent + a.score->personal_percent) / 200.0;
    return std::round(std::clamp(mean, 0.0, 1.0) * 10000.0) / 10000.0;
}

bool passes(const Session& s, const AttemptSummary& a) {
    if (!a.score) return false;
    if (s.data.mastery_score) return scaled_score(a) >= *s.data.mastery_score;
    return a.score->technical_met && a.score->personal_met;
}

std::vector<std::string> answered_statements(Session& s, const AttemptDetail& attempt, const XapiOptions& options) {
    std::vector<std::string> out;
    const json actor = json::parse(s.launch.actor);
    for (const XapiStatement& x : xapi_statements(attempt, options)) {
        json st = json::parse(x.json);
        if (st["verb"]["id"] != std::string(adl_verbs) + "answered" || s.answered_made.count(x.id)) continue;
        s.answered_made.insert(x.id);
        // A cmi5 "allowed" statement: the launch's actor and registration, the session id,
        // grouped under the AU; never the cmi5 category (that marks cmi5-defined ones).
        st["id"] = new_id();
        st["actor"] = actor;
        st["context"]["registration"] = s.launch.registration;
        st["context"]["extensions"][ext_session] = s.session_id;
        st["context"]["contextActivities"]["grouping"] = json::array({au_activity(s)});
        out.push_back(st.dump());
    }
    return out;
}

std::vector<std::string> attempt_statements(Session& s, const AttemptDetail& attempt, const XapiOptions& options) {
    std::vector<std::string> out = answered_statements(s, attempt, options);
    json needs = json::object();
    std::string duration = "PT0S";
    for (const XapiStatement& x : xapi_statements(attempt, options)) {
        if (x.id != attempt.completed_statement_id) continue;
        const json st = json::parse(x.json);
        needs = st["result"]["extensions"];
        duration = st["result"]["duration"].get<std::string>();
    }
    const AttemptSummary& a = attempt.summary;
    if (!a.finished() || s.data.launch_mode != "Normal") return out;

    if (!s.completed_sent) {
        json completed = statement(s, "completed", a.finished_at, true);
        completed["result"] = {{"completion", true}, {"duration", duration}, {"extensions", needs}};
        out.push_back(completed.dump());
        s.completed_sent = true;
    }
    if (s.passed_sent) return out;
    const bool passed = passes(s, a);
    s.passed_sent = passed;
    json verdict = statement(s, passed ? "passed" : "failed", a.finished_at, true);
    verdict["result"] = {
        {"success", passed}, {"score", {{"scaled", scaled_score(a)}}}, {"duration", duration}, {"extensions", needs}};
    if (s.data.mastery_score) verdict["context"]["extensions"][ext_mastery] = *s.data.mastery_score;
    out.push_back(verdict.dump());
    return out;
}

ClosingBatch closing_batch(const std::vector<std::string>& queued, const std::string& terminated, size_t limit) {
    ClosingBatch b;
    b.body = "[";
    // "[" + statements and commas + terminated + "]"
    size_t size = 2 + terminated.size();
    for (const std::string& st : queued) {
        if (size + st.size() + 1 > limit) break;
        size += st.size() + 1;
        b.body += st + ",";
        ++b.sent;
    }
    b.body += terminated + "]";
    b.left = queued.size() - b.sent;
    return b;
}

// --- course structure --------------------------------------------------------------

std::string course_structure_xml(const std::string& course_title, const std::vector<AssignableUnit>& units,
                                 const XapiOptions& options) {
    const std::string base = without_trailing_slashes(options.iri_base);
    const std::string lang = html_escaped(options.language);
    const auto langstring = [&](const std::string& tag, const std::string& text) {
        return "<" + tag + "><langstring lang=\"" + lang + "\">" + html_escaped(text) + "</langstring></" + tag + ">";
    };
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n";
    xml += "  <course id=\"" + html_escaped(base + "/courses/" + percent_encoded(course_title)) + "\">\n";
    xml += "    " + langstring("title", course_title) + "\n";
    xml += "    " +
           langstring("description",
                      "Customer service calls scored on both needs: what the customer came for "
                      "and how they are treated.") +
           "\n";
    xml += "  </course>\n";
    for (const AssignableUnit& u : units) {
        xml += "  <au id=\"" + html_escaped(base + "/scenarios/" + percent_encoded(u.id)) +
               "\" moveOn=\"CompletedAndPassed\" launchMethod=\"AnyWindow\">\n";
        xml += "    " + langstring("title", u.title) + "\n";
        xml += "    " + langstring("description", u.description.empty() ? u.title : u.description) + "\n";
        xml += "    <url>" + html_escaped("index.html?scenario=" + percent_encoded(u.scenario_file)) + "</url>\n";
        xml += "  </au>\n";
    }
    xml += "</courseStructure>\n";
    return xml;
}

}  // namespace frontline::results::cmi5
