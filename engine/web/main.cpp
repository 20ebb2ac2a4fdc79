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

/// The call being played, as far as it went: the trainee's unfinished attempt with the
/// latest choice (the game saved it before telling us).
std::optional<frontline::results::AttemptDetail> call_so_far(const std::string& trainee) {
    auto store =
        frontline::results::ResultsStore::open(results_file, frontline::results::ResultsStore::Access::read_only);
    if (!store) return std::nullopt;
    frontline::results::AttemptFilter filter;
    filter.trainee = trainee;
    filter.unfinished_only = true;
    auto details = store->attempt_details(filter);
    if (!details) return std::nullopt;
    std::optional<frontline::results::AttemptDetail> latest;
    for (frontline::results::AttemptDetail& d : *details)
        if (!d.choices.empty() && (!latest || d.choices.back().made_at >= latest->choices.back().made_at))
            latest = std::move(d);
    return latest;
}

}  // namespace

/// engine/web/sdl_deps.js: keeps the JavaScript helpers SDL2 calls in the build.
extern "C" void frontline_sdl_deps();

/// For pre.js, as the page closes: what is still queued for the LMS's LRS and the
/// terminated statement, to send in one request that outlives the page (see
/// Cmi5Launch::closing_request); "" when there is no LMS launch or it was taken.
extern "C" EMSCRIPTEN_KEEPALIVE const char* frontline_web_closing() {
    static std::string json;
    json = lms ? lms->closing_request() : std::string();
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

    options.on_results_saved = [trainee = options.trainee](std::optional<int64_t> finished_attempt) {
        save_soon();
        if (!lms) return;
        if (!finished_attempt) {
            // A choice was saved: its answered statement goes now, not at the end of the call.
            if (auto so_far = call_so_far(trainee)) lms->choice_saved(*so_far);
        } else if (auto attempt = finished_attempt_detail(*finished_attempt)) {
            lms->attempt_finished(*attempt);
        }
    };
    return frontline::run_game(options);
}
