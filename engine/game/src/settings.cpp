#include "settings.hpp"

#include "frontline/translation.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace frontline::game {

std::optional<std::filesystem::path> default_settings_path() {
#ifdef _WIN32
    // Roaming settings: they follow the trainee from laptop to laptop.
    if (const char* appdata = std::getenv("APPDATA"); appdata && *appdata)
        return std::filesystem::path(appdata) / "Frontline" / "settings.ini";
#endif
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "frontline" / "settings.ini";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "frontline" / "settings.ini";
    return std::nullopt;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::optional<bool> parse_bool(std::string_view v) {
    if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
    if (v == "false" || v == "0" || v == "no" || v == "off") return false;
    return std::nullopt;
}

}  // namespace

LoadedSettings parse_settings(std::string_view text, const std::string& file) {
    LoadedSettings out;
    Settings s;
    // A corrupt file gives defaults for everything, not a half-applied mix:
    // a trainer who sees the warning knows exactly what they are getting.
    auto corrupt = [&](int line, const std::string& why) {
        LoadedSettings bad;
        bad.warnings.push_back(file + ":" + std::to_string(line) + ": " + why + "; using default settings");
        return bad;
    };
    if (text.find('\0') != std::string_view::npos) return corrupt(1, "binary data in settings file");
    int line_no = 0;
    while (!text.empty()) {
        ++line_no;
        size_t eol = text.find('\n');
        std::string_view line = trim(text.substr(0, eol));
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[') {
            if (line.back() != ']') return corrupt(line_no, "unclosed section header");
            continue;  // one flat namespace: sections are only for humans
        }
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) return corrupt(line_no, "expected 'key = value'");
        std::string_view key = trim(line.substr(0, eq));
        std::string_view value = trim(line.substr(eq + 1));
        if (key == "ui_scale") {
            int v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || p != value.data() + value.size())
                return corrupt(line_no, "ui_scale must be a whole number of percent");
            if (v < min_ui_scale_percent || v > max_ui_scale_percent)
                return corrupt(line_no, "ui_scale must be between 100 and 200");
            s.ui_scale_percent = v;
        } else if (key == "volume") {
            int v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || p != value.data() + value.size() || v < 0 || v > max_volume_percent)
                return corrupt(line_no, "volume must be a whole number of percent from 0 (muted) to 100");
            s.volume_percent = v;
        } else if (key == "language") {
            if (!value.empty() && !valid_language_code(value))
                return corrupt(
                    line_no,
                    "language must be a language code like fr or pt_BR, or empty for the scenarios' own language");
            s.language = std::string(value);
        } else if (key == "voice") {
            int v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || p != value.data() + value.size() || v < 0 || v > max_volume_percent)
                return corrupt(line_no, "voice must be a whole number of percent from 0 (muted) to 100");
            s.voice_volume_percent = v;
        } else if (key == "fullscreen" || key == "high_contrast" || key == "reduced_motion" || key == "author_tools") {
            auto b = parse_bool(value);
            if (!b) return corrupt(line_no, std::string(key) + " must be true or false");
            (key == "fullscreen"      ? s.fullscreen
             : key == "high_contrast" ? s.high_contrast
             : key == "author_tools"  ? s.author_tools
                                      : s.reduced_motion) = *b;
        } else if (key.size() == 11 && key.substr(0, 10) == "team_name_" && key[10] >= '1' && key[10] <= '8') {
            // team_name_1 .. team_name_8: the last workshop's teams, in order.
            const size_t at = static_cast<size_t>(key[10] - '1');
            if (value.empty() || value.size() > 32) return corrupt(line_no, std::string(key) + " must be 1 to 32 bytes");
            if (s.team_names.size() <= at) s.team_names.resize(at + 1, "Team " + std::string(1, static_cast<char>('A' + at)));
            s.team_names[at] = std::string(value);
        } else {
            // Newer versions may add keys; an unknown one is not corruption.
            out.warnings.push_back(file + ":" + std::to_string(line_no) + ": unknown setting '" + std::string(key) +
                                   "' ignored");
        }
    }
    out.settings = s;
    return out;
}

LoadedSettings load_settings(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    if (std::filesystem::file_size(path, ec) > 64 * 1024 || ec)
        return {Settings{}, {path.string() + ": settings file unreadable or too large; using default settings"}};
    std::ifstream in(path, std::ios::binary);
    if (!in) return {Settings{}, {path.string() + ": cannot read settings file; using default settings"}};
    std::stringstream buf;
    buf << in.rdbuf();
    return parse_settings(buf.str(), path.string());
}

std::string format_settings(const Settings& s) {
    auto b = [](bool v) { return v ? "true" : "false"; };
    std::string out = "# Frontline display and sound settings (written by the game; safe to edit)\n[display]\n";
    out += "ui_scale = " + std::to_string(s.ui_scale_percent) + "\n";
    out += std::string("fullscreen = ") + b(s.fullscreen) + "\n";
    out += std::string("high_contrast = ") + b(s.high_contrast) + "\n";
    out += std::string("reduced_motion = ") + b(s.reduced_motion) + "\n";
    out += std::string("author_tools = ") + b(s.author_tools) + "\n";
    out += "[sound]\nvolume = " + std::to_string(s.volume_percent) +
           "\nvoice = " + std::to_string(s.voice_volume_percent) + "\n";
    if (!s.language.empty()) out += "[language]\nlanguage = " + s.language + "\n";
    if (!s.team_names.empty()) out += "[workshop]\n";
    for (size_t i = 0; i < s.team_names.size() && i < 8; ++i)
        out += "team_name_" + std::to_string(i + 1) + " = " + s.team_names[i] + "\n";
    return out;
}

std::string save_settings(const std::filesystem::path& path, const Settings& s) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return "cannot create " + path.parent_path().string() + ": " + ec.message();
    // Write then rename, so a crash mid-write never leaves a corrupt file behind.
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write " + tmp.string();
        out << format_settings(s);
        if (!out.flush()) return "cannot write " + tmp.string();
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return "cannot replace " + path.string() + ": " + ec.message();
    return {};
}

}  // namespace frontline::game
