#include "theme.hpp"

#include <filesystem>
#include <system_error>

namespace frontline::game {

namespace {

Palette g_palette{};
Fonts g_fonts{};

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

// Calm: warm off-white paper, ink text, one teal accent. Projectors wash out
// dark greys, so the default is light with strong text contrast.
Palette calm_palette() {
    return Palette{rgb(244, 241, 234), rgb(255, 255, 255), rgb(214, 208, 196), rgb(30, 36, 48), rgb(96, 102, 112),
                   rgb(22, 110, 122), rgb(255, 255, 255), rgb(46, 125, 50), rgb(191, 120, 20), rgb(183, 28, 28),
                   rgb(33, 97, 170), rgb(170, 60, 120), rgb(191, 120, 20), rgb(222, 216, 204), rgb(220, 238, 238)};
}

// High contrast: black ground, white text, yellow focus, no mid greys.
Palette high_contrast_palette() {
    return Palette{rgb(0, 0, 0), rgb(0, 0, 0), rgb(255, 255, 255), rgb(255, 255, 255), rgb(255, 255, 255),
                   rgb(255, 221, 0), rgb(0, 0, 0), rgb(120, 255, 120), rgb(255, 200, 0), rgb(255, 110, 110),
                   rgb(110, 190, 255), rgb(255, 140, 220), rgb(255, 200, 0), rgb(150, 150, 150), rgb(60, 60, 0)};
}

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const Palette& palette() { return g_palette; }
const Fonts& fonts() { return g_fonts; }

void apply_theme(const Settings& s) {
    g_palette = s.high_contrast ? high_contrast_palette() : calm_palette();
    const Palette& p = g_palette;
    ImGuiStyle style;  // start from defaults each time so scaling never compounds
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(18, 16);
    style.FramePadding = ImVec2(12, 8);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 8;
    style.WindowBorderSize = 0;
    // Textured AA lines need bilinear sampling; the software renderer samples
    // nearest and breaks them into steps. Geometry lines look right everywhere.
    style.AntiAliasedLinesUseTex = false;
    style.ChildBorderSize = s.high_contrast ? 2.0f : 1.0f;
    style.FrameBorderSize = s.high_contrast ? 2.0f : 1.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = v4(p.text);
    c[ImGuiCol_TextDisabled] = v4(p.text_dim);
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = v4(p.panel);
    c[ImGuiCol_PopupBg] = v4(p.panel);
    c[ImGuiCol_Border] = v4(p.panel_border);
    c[ImGuiCol_FrameBg] = v4(p.panel);
    c[ImGuiCol_FrameBgHovered] = v4(p.selection);
    c[ImGuiCol_FrameBgActive] = v4(p.selection);
    c[ImGuiCol_Button] = v4(p.panel);
    c[ImGuiCol_ButtonHovered] = v4(p.selection);
    c[ImGuiCol_ButtonActive] = v4(p.accent);
    c[ImGuiCol_Header] = v4(p.selection);
    c[ImGuiCol_HeaderHovered] = v4(p.selection);
    c[ImGuiCol_HeaderActive] = v4(p.selection);
    c[ImGuiCol_CheckMark] = v4(p.accent);
    c[ImGuiCol_SliderGrab] = v4(p.accent);
    c[ImGuiCol_SliderGrabActive] = v4(p.accent);
    c[ImGuiCol_ScrollbarBg] = v4(p.background);
    c[ImGuiCol_ScrollbarGrab] = v4(p.panel_border);
    c[ImGuiCol_Separator] = v4(p.panel_border);
    c[ImGuiCol_NavHighlight] = v4(p.accent);
    float scale = static_cast<float>(s.ui_scale_percent) / 100.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void build_fonts(float scale, const std::string& font_path, std::vector<std::string>& warnings) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Latin-1, Latin Extended-A, general punctuation (with the narrow no-break space French
    // typography uses) (curly quotes, dashes,
    // ellipsis), the euro sign and arrows: what real dialogue and our charts use.
    // Greek and Cyrillic (the blocks ImGui 1.86's GetGlyphRangesCyrillic and
    // GetGlyphRangesGreek list) so translated scenarios render; DejaVu Sans has them all.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0370, 0x03FF, 0x0400,
                                     0x052F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2193,
                                     0x2022, 0x2022, 0x2DE0, 0x2DFF, 0xA640, 0xA69F, 0};
    std::error_code ec;
    bool have_file = !font_path.empty() && std::filesystem::is_regular_file(font_path, ec);
    ImFontConfig cfg;
    cfg.OversampleH = 2;  // the default 3 triples atlas memory for no visible gain at these sizes
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    auto add = [&](float px) -> ImFont* {
        if (have_file) {
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(font_path.c_str(), px * scale, &cfg, ranges)) return f;
        }
        ImFontConfig d;
        d.SizePixels = px * scale;  // ImGui's built-in ProggyClean, scaled: blurry but readable
        return io.Fonts->AddFontDefault(&d);
    };
    if (!have_file)
        warnings.push_back("font " + (font_path.empty() ? std::string("(none)") : font_path) +
                           " not found (install fonts-dejavu-core); using ImGui's default font, "
                           "accented letters and curly quotes will not render");
    g_fonts.body = add(body_font_px);
    g_fonts.heading = add(heading_font_px);
    g_fonts.small = add(small_font_px);
    io.FontDefault = g_fonts.body;
    io.Fonts->Build();
}

}  // namespace frontline::game
