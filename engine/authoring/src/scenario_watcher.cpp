// Hot reload: the file watcher, path-keeping replay and LiveScenario.
#include "frontline/scenario_watcher.hpp"

#include "frontline/reader.hpp"

#include <algorithm>
#include <fstream>

namespace frontline {

ScenarioWatcher::ScenarioWatcher(std::filesystem::path path, std::chrono::milliseconds interval)
    : path_(std::move(path)), interval_(interval), last_check_(std::chrono::steady_clock::now()), stamp_(stamp()),
      hash_(content_hash()) {}

ScenarioWatcher::Stamp ScenarioWatcher::stamp() const {
    Stamp s;
    std::error_code ec;
    s.time = std::filesystem::last_write_time(path_, ec);
    if (ec) return {};
    s.size = std::filesystem::file_size(path_, ec);
    s.exists = !ec;
    return s;
}

std::string ScenarioWatcher::content_hash() const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return "";
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return hash_content(bytes);
}

bool ScenarioWatcher::poll() {
    auto now = std::chrono::steady_clock::now();
    if (now - last_check_ < interval_) return false;
    last_check_ = now;
    return check_now();
}

bool ScenarioWatcher::check_now() {
    Stamp now = stamp();
    if (now == stamp_) return false;
    stamp_ = now;
    // Editors often write twice (truncate, then fill): the hash tells a real change from a touch.
    std::string hash = content_hash();
    if (hash == hash_) return false;
    hash_ = std::move(hash);
    return true;
}

std::vector<ReplayStep> replay_steps(const Runner& run) {
    std::vector<ReplayStep> steps;
    for (const TranscriptEntry& e : run.transcript())
        if (e.kind == TranscriptEntry::Kind::choice) steps.push_back({e.text, e.choice});
    return steps;
}

ReloadedCall reload_keeping_path(std::span<const ReplayStep> steps, const Scenario& updated) {
    ReloadedCall out{Runner(updated), 0, 0};
    for (const ReplayStep& step : steps) {
        const Node* node = out.runner.node();
        int chosen = -1;
        if (node) {
            const std::vector<int> shown = out.runner.choices();
            for (int c : shown)
                if (node->choice(c).say == step.say) chosen = c;
            // The author may have reworded the choice: the same slot, if shown, is the same choice.
            if (chosen < 0 && std::find(shown.begin(), shown.end(), step.index) != shown.end()) chosen = step.index;
        }
        if (chosen < 0 || !out.runner.choose(chosen)) break;
        ++out.kept;
    }
    out.dropped = steps.size() - out.kept;
    return out;
}

ReloadedCall reload_keeping_path(const Runner& old, const Scenario& updated) {
    const std::vector<ReplayStep> steps = replay_steps(old);
    return reload_keeping_path(steps, updated);
}

LiveScenario::LiveScenario(std::filesystem::path path, std::chrono::milliseconds interval)
    : watcher_(std::move(path), interval), diagnostics_(watcher_.path().string()) {
    reload();
}

bool LiveScenario::update() {
    if (!watcher_.poll()) return false;
    reload();
    return true;
}

void LiveScenario::reload() {
    LoadedScenario loaded = load_scenario(watcher_.path());
    diagnostics_ = std::move(loaded.diagnostics);
    if (!loaded.scenario) return;  // keep playing the last good version; the caller shows the diagnostics
    auto fresh = std::make_unique<Scenario>(std::move(*loaded.scenario));
    std::vector<ReplayStep> steps = runner_ ? replay_steps(*runner_) : std::vector<ReplayStep>{};
    ReloadedCall call = reload_keeping_path(steps, *fresh);
    dropped_ = call.dropped;
    runner_.reset();
    scenario_ = std::move(fresh);
    bounds_ = loaded.bounds;
    runner_.emplace(std::move(call.runner));
}

}  // namespace frontline
