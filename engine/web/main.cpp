// The browser build's entry point. The page (shell.html, pre.js) has already mounted
// IndexedDB at /data and loaded the scenarios and assets into /frontline before main().
//   index.html                         the library: scenarios/index.json's beside the page, else the bundled
//   index.html?scenario=FILE.yaml      that scenario's briefing (one cmi5 AU)
//   ...&endpoint=&fetch=&registration=&activityId=&actor=   launched from an LMS (cmi5):
//                                      statements go to its LRS as well
#include "cmi5_launch.hpp"

#include "frontline/game.hpp"
#include "frontline/results/store.hpp"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace {

const char* const results_file = "/data/results.db";
std::unique_ptr<frontline::web::Cmi5Launch> lms;

/// Copies /data to IndexedDB once the current frame is over (the store has written
/// by then). pre.js coalesces the requests.
void save_soon() {
    EM_ASM({ Module.frontlineSaveSoon(); });
}

std::string page_query() {
    const int size = EM_ASM_INT({ return lengthBytesUTF8(location.search) + 1; });
    std::string query(static_cast<size_t>(size), '\0');
    EM_ASM({ stringToUTF8(location.search, $0, $1); }, query.data(), size);
    query.resize(static_cast<size_t>(size - 1));
    return query;
}

/// The value of one query parameter (undecoded: scenario file names are plain).
std::string query_value(const std::string& query, const std::string& name) {
    const std::string key = name + "=";
    size_t at = query.find(key);
    while (at != std::string::npos && at > 0 && query[at - 1] != '?' && query[at - 1] != '&')
        at = query.find(key, at + 1);
    if (at == std::string::npos) return {};
    const size_t start = at + key.size();
    return query.substr(start, query.find('&', start) - start);
}

/// The finished attempt just recorded, from the store (the game wrote it before telling us).
std::optional<frontline::results::AttemptDetail> finished_attempt_detail(int64_t id) {
    auto store =
        frontline::results::ResultsStore::open(results_file, frontline::results::ResultsStore::Access::read_only);
    if (!store) return std::nullopt;
    auto detail = store->attempt(id);
    if (!detail || !detail->summary.finished()) return std::nullopt;
    return std::move(*detail);
}

}  // namespace

/// engine/web/sdl_deps.js: keeps the JavaScript helpers SDL2 calls in the build.
extern "C" void frontline_sdl_deps();

/// For pre.js: the terminated statement and what to send it with, as the page closes
/// ("" when there is no LMS launch or it was sent): {"url":..,"authorization":..,"statement":..}.
extern "C" EMSCRIPTEN_KEEPALIVE const char* frontline_web_terminated() {
    static std::string json;
    json.clear();
    if (!lms) return json.c_str();
    const std::string statement = lms->take_terminated();
    if (statement.empty()) return json.c_str();
    std::string endpoint = lms->session().launch.endpoint;
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    // Both values are URL and base64 text: no character needs escaping in JSON.
    json = "{\"url\":\"" + endpoint + "/statements\",\"authorization\":\"" + lms->authorization() +
           "\",\"statement\":" + statement + "}";
    return json.c_str();
}

int main() {
    frontline_sdl_deps();
    frontline::GameOptions options;
    // pre.js copied the scenarios hosted beside the page (if any) to /frontline/course:
    // they are the library then, else the bundled ones are.
    std::error_code ec;
    const bool hosted = std::filesystem::is_directory("/frontline/course", ec);
    options.scenario_paths = {hosted ? "/frontline/course" : "/frontline/scenarios"};
    options.asset_dirs = {"/frontline/assets"};
    options.results_data = results_file;
    options.settings_file = "/data/settings.ini";

    const std::string query = page_query();
    // One scenario of the bundled library (a cmi5 AU); never a path outside it.
    if (std::string file = query_value(query, "scenario"); !file.empty() && file.find('/') == std::string::npos &&
                                                           file.find('%') == std::string::npos && file != ".." &&
                                                           file != ".") {
        // The page's own copy (a course package's scenarios/) wins over the bundled one.
        const std::filesystem::path own = std::filesystem::path("/frontline/course") / file;
        options.open_directly =
            std::filesystem::exists(own, ec) ? own : std::filesystem::path("/frontline/scenarios") / file;
    }

    std::string error;
    if (auto launch = frontline::results::cmi5::parse_launch_query(query, error)) {
        // The LMS's learner is the trainee the results are recorded for.
        const nlohmann::json actor = nlohmann::json::parse(launch->actor, nullptr, false);
        if (actor.contains("name") && actor["name"].is_string())
            options.trainee = actor["name"].get<std::string>().substr(0, 64);
        else if (actor.contains("account") && actor["account"].contains("name") && actor["account"]["name"].is_string())
            options.trainee = actor["account"]["name"].get<std::string>().substr(0, 64);
        lms = std::make_unique<frontline::web::Cmi5Launch>(std::move(*launch));
    } else if (!error.empty())
        EM_ASM(
            {
                if (Module.frontlineNotice) Module.frontlineNotice(UTF8ToString($0));
            },
            error.c_str());

    options.on_results_saved = [](std::optional<int64_t> finished_attempt) {
        save_soon();
        if (!lms || !finished_attempt) return;
        if (auto attempt = finished_attempt_detail(*finished_attempt)) lms->send_attempt(*attempt);
    };
    return frontline::run_game(options);
}
