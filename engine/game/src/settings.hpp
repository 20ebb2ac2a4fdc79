// Display and sound settings remembered between runs, in a small INI file in the XDG config
// dir. Pure data and file IO only: applying them to a window is the platform's job.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace frontline::game {

/// What a trainer may change. Defaults suit a laptop; a projector wants 150-200 %.
struct Settings {
    int ui_scale_percent = 100;  ///< 100..200, in steps the settings screen offers
    bool fullscreen = false;
    bool high_contrast = false;
    bool reduced_motion = false;
    /// The author map, playtests and hot reload. Off for trainees: the map shows the
    /// best path and every ending, so it is never offered in assessment mode at all.
    bool author_tools = false;
    /// The last workshop's team names, offered again at the next one.
    std::vector<std::string> team_names;
    int volume_percent = 80;  ///< the ring and the patience cue; 0 = muted
    /// The language scenarios are played in (fr, de...; their i18n/LANG/<id>.po);
    /// "" plays them as written.
    std::string language;
    int voice_volume_percent = 80;  ///< the customer's spoken lines; 0 = muted (the captions always show)
    friend bool operator==(const Settings&, const Settings&) = default;
};

inline constexpr int min_ui_scale_percent = 100;
inline constexpr int max_ui_scale_percent = 200;
inline constexpr int max_volume_percent = 100;

/// %APPDATA%\Frontline\settings.ini on Windows; $XDG_CONFIG_HOME/frontline/settings.ini, else ~/.config/frontline/settings.ini;
/// nullopt when neither variable is set (then settings live for this run only).
std::optional<std::filesystem::path> default_settings_path();

struct LoadedSettings {
    Settings settings;
    std::vector<std::string> warnings;  ///< shown in the game and on stderr
};

/// A missing file gives defaults silently; a corrupt one gives defaults and a
/// warning naming the line. Never throws.
LoadedSettings load_settings(const std::filesystem::path& path);

/// Parses INI text (exposed for tests). `file` names the source in warnings.
LoadedSettings parse_settings(std::string_view text, const std::string& file);

std::string format_settings(const Settings& s);

/// Writes the file (creating the folder). Returns an error message, or "" on success.
std::string save_settings(const std::filesystem::path& path, const Settings& s);

}  // namespace frontline::game
