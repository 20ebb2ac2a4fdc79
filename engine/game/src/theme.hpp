// Look and feel: the palette (calm default, high-contrast alternative), fonts
// built at the UI scale so text stays crisp on a projector, and emotion colours.
#pragma once

#include "settings.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace frontline::game {

/// Colours the screens use by meaning rather than by hue.
struct Palette {
    ImU32 background, panel, panel_border, text, text_dim, accent, accent_text, good, warn, bad, technical, personal,
        mood, chart_grid, selection;
};

const Palette& palette();
/// Sets ImGui's style and the palette for these settings (scale included).
void apply_theme(const Settings& s);

/// The fonts the screens use; all three exist (ImGui's default when DejaVu is missing).
struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* small = nullptr;
};
const Fonts& fonts();

/// Rebuilds the atlas for a UI scale. Must run outside NewFrame/Render; the
/// platform re-uploads the texture afterwards. Missing font file: default font + warning.
void build_fonts(float scale, const std::string& font_path, std::vector<std::string>& warnings);

/// Base sizes in pixels at 100 %: sized for reading across a room.
inline constexpr float body_font_px = 20.0f;
inline constexpr float heading_font_px = 30.0f;
inline constexpr float small_font_px = 16.0f;

}  // namespace frontline::game
