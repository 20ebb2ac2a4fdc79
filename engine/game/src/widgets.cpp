#include "widgets.hpp"

#include <cstdio>
#include <ctime>

#include "i18n.hpp"
#include "theme.hpp"

#include <imgui_internal.h>

#include <SDL_scancode.h>

#include <algorithm>

namespace frontline::game {

namespace {
/// The Tab focus ring: which button (in drawing order) has the focus, how many buttons
/// the last frame drew (to wrap around), and whether Space pressed the focused one.
/// Frame state of the UI, like ImGui's own, so it lives beside it rather than in the game.
struct FocusRing {
    int screen = -1;
    int focused = -1;
    int counted = 0;       ///< buttons drawn so far this frame
    int last_counted = 0;  ///< buttons the last frame drew
    bool press = false;
    bool focused_drawn = false;  ///< the last button drawn was the focused one (for remember)
} ring;

/// Called by every button: whether it has the focus (draw the ring) and was pressed with Space.
bool focus_ring_item(bool& pressed) {
    const int me = ring.counted++;
    ring.focused_drawn = me == ring.focused;
    if (!ring.focused_drawn) return false;
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(lo.x - 3, lo.y - 3), ImVec2(hi.x + 3, hi.y + 3), palette().warn,
                                        ImGui::GetStyle().FrameRounding + 2, 0, 3.0f);
    if (ring.press) {
        pressed = true;
        ring.press = false;
    }
    if (ImGui::IsItemVisible()) return true;
    ImGui::SetScrollHereY(0.5f);  // tabbed to a button scrolled away: bring it into view
    return true;
}
}  // namespace

void begin_focus_ring(int screen) {
    ring.last_counted = ring.counted;
    ring.counted = 0;
    ring.press = false;
    ring.focused_drawn = false;
    if (screen != ring.screen) {  // a new screen starts with nothing in focus
        ring.screen = screen;
        ring.focused = -1;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ring.last_counted == 0) return;  // a text field's Tab is ImGui's
    if (ImGui::IsKeyPressed(SDL_SCANCODE_TAB)) {
        const int n = ring.last_counted;
        ring.focused = io.KeyShift ? (ring.focused <= 0 ? n - 1 : ring.focused - 1) : (ring.focused + 1) % n;
    }
    if (ring.focused >= 0 && ImGui::IsKeyPressed(SDL_SCANCODE_SPACE, false)) ring.press = true;
}

void remember(UiState& ui, const std::string& id) {
    if (ring.focused_drawn) {
        ui.focused_widget = id;
        ring.focused_drawn = false;
    }
    // Only what is on screen: a test clicking a scrolled-away button must fail loudly.
    if (!ImGui::IsItemVisible()) {
        ui.widgets.erase(id);
        return;
    }
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    r.ClipWith(ImGui::GetCurrentWindow()->ClipRect);
    ui.widgets[id] = WidgetRect{r.Min, r.Max};
}

bool answers_ready(UiState& ui, size_t turn) {
    if (ui.answers_turn != turn) {
        ui.answers_turn = turn;
        ui.answers_ready_at = ui.now + answer_guard_seconds;
    }
    return ui.now >= ui.answers_ready_at;
}

void keyboard_scroll() {
    if (ImGui::GetIO().WantTextInput) return;
    const float page = ImGui::GetWindowHeight() * 0.9f, line = ImGui::GetTextLineHeightWithSpacing() * 2;
    float y = ImGui::GetScrollY();
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEDOWN)) y += page;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEUP)) y -= page;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN)) y += line;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP)) y -= line;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_HOME, false)) y = 0;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_END, false)) y = ImGui::GetScrollMaxY();
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
}

bool key_pressed(int scancode) {
    if (ImGui::GetIO().WantTextInput) return false;
    return ImGui::IsKeyPressed(scancode, false);
}

namespace {

struct ButtonLayout {
    float badge, pad_x, pad_y, text_x, wrap, height;
    ImVec2 text_size;
};

ButtonLayout layout_button(std::string_view label, float width, bool has_hint) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float font_size = ImGui::GetFontSize();
    ButtonLayout l{};
    l.badge = has_hint ? font_size * 1.6f : 0.0f;
    l.pad_x = style.FramePadding.x * 1.2f;
    l.pad_y = style.FramePadding.y * 1.1f;
    l.text_x = l.pad_x + (has_hint ? l.badge + l.pad_x : 0.0f);
    l.wrap = std::max(width - l.text_x - l.pad_x, font_size * 4);
    l.text_size = ImGui::GetFont()->CalcTextSizeA(font_size, l.wrap + 1, l.wrap, label.data(), label.data() + label.size());
    l.height = std::max(l.text_size.y, l.badge) + l.pad_y * 2;
    return l;
}

}  // namespace

float wrapped_button_height(std::string_view label, float width, bool has_hint) {
    return layout_button(label, width, has_hint).height;
}

bool wrapped_button(const char* id, std::string_view label, float width, std::string_view hint, bool primary) {
    const Palette& p = palette();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const ButtonLayout l = layout_button(label, width, !hint.empty());
    const float badge = l.badge, pad_x = l.pad_x, text_x = l.text_x, wrap = l.wrap, height = l.height;
    const ImVec2 text_size = l.text_size;

    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(id, ImVec2(width, height));
    focus_ring_item(clicked);
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + width, pos.y + height);
    ImU32 fill = primary ? p.accent : (hovered || held ? p.selection : p.panel);
    ImU32 text = primary ? p.accent_text : p.text;
    dl->AddRectFilled(pos, end, fill, style.FrameRounding);
    dl->AddRect(pos, end, hovered ? p.accent : p.panel_border, style.FrameRounding,
                0, hovered ? std::max(2.0f, style.FrameBorderSize * 2) : std::max(1.0f, style.FrameBorderSize));
    if (badge > 0) {
        ImVec2 b0(pos.x + pad_x, pos.y + (height - badge) * 0.5f);
        ImVec2 b1(b0.x + badge, b0.y + badge);
        dl->AddRectFilled(b0, b1, primary ? p.accent_text : p.accent, style.FrameRounding);
        ImVec2 hs = font->CalcTextSizeA(font_size, 1e6f, 0, hint.data(), hint.data() + hint.size());
        dl->AddText(font, font_size, ImVec2(b0.x + (badge - hs.x) * 0.5f, b0.y + (badge - hs.y) * 0.5f),
                    primary ? p.accent : p.accent_text, hint.data(), hint.data() + hint.size());
    }
    dl->AddText(font, font_size, ImVec2(pos.x + text_x, pos.y + (height - text_size.y) * 0.5f), text, label.data(),
                label.data() + label.size(), wrap);
    return clicked;
}

bool action_button(const char* label, bool primary, float width) {
    const Palette& p = palette();
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(p.accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(p.accent));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(p.accent_text));
    }
    bool clicked = ImGui::Button(label, ImVec2(width, 0));
    if (primary) ImGui::PopStyleColor(3);
    focus_ring_item(clicked);
    return clicked;
}

void meter(const char* label, double percent, ImU32 color, const char* value_text) {
    const Palette& p = palette();
    float pct = static_cast<float>(std::clamp(percent, 0.0, 100.0));
    // One small line (label left, value right), then a thin bar: four meters
    // fit beside the portrait even at 200 % on a 720p projector.
    ImGui::PushFont(fonts().small);
    ImGui::TextUnformatted(label);
    if (value_text) {
        float vw = ImGui::CalcTextSize(value_text).x;
        float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - ImGui::GetStyle().ItemSpacing.x;
        if (vw <= room) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - vw);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_dim), "%s", value_text);
    }
    ImGui::PopFont();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetFontSize() * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.chart_grid, h * 0.5f);
    if (pct > 0) dl->AddRectFilled(pos, ImVec2(pos.x + w * pct / 100.0f, pos.y + h), color, h * 0.5f);
    ImGui::Dummy(ImVec2(w, h));
}

void text_wrapped_colored(ImU32 color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void heading(std::string_view text) {
    ImGui::PushFont(fonts().heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

float label_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x; }

void same_line_if_fits(const char* label) {
    float w = label_width(label) + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
}

std::string shorten_text(std::string_view text, size_t max_chars) {
    size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        i += 1;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;  // the rest of a character
        ++chars;
    }
    if (i >= text.size()) return std::string(text);
    std::string out(text.substr(0, i));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "...";
}

std::string friendly_time(std::string_view iso_utc) {
    std::tm utc{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    const std::string text(iso_utc.substr(0, 16));
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) != 5) return std::string(iso_utc);
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    std::tm local{};
#ifdef _WIN32
    const std::time_t at = _mkgmtime(&utc);
    if (at == static_cast<std::time_t>(-1) || localtime_s(&local, &at) != 0) return std::string(iso_utc);
#else
    const std::time_t at = timegm(&utc);
    if (at == static_cast<std::time_t>(-1) || !localtime_r(&at, &local)) return std::string(iso_utc);
#endif
    // Day and month names from the interface's language, not the C library's locale.
    static constexpr const char* days[] = {tr_mark("Sun"), tr_mark("Mon"), tr_mark("Tue"), tr_mark("Wed"),
                                           tr_mark("Thu"), tr_mark("Fri"), tr_mark("Sat")};
    static constexpr const char* months[] = {tr_mark("Jan"), tr_mark("Feb"), tr_mark("Mar"), tr_mark("Apr"),
                                             tr_mark("May"), tr_mark("Jun"), tr_mark("Jul"), tr_mark("Aug"),
                                             tr_mark("Sep"), tr_mark("Oct"), tr_mark("Nov"), tr_mark("Dec")};
    if (local.tm_wday < 0 || local.tm_wday > 6 || local.tm_mon < 0 || local.tm_mon > 11) return std::string(iso_utc);
    // TRANSLATORS: a date and time: weekday, day of the month, month, hours, minutes ("Sun 9 Nov, 04:44").
    return fmt(tr("%s %d %s, %02d:%02d"), tr(days[local.tm_wday]), local.tm_mday, tr(months[local.tm_mon]),
               local.tm_hour, local.tm_min);
}

std::string skill_label(std::string_view id) {
    std::string out(id);
    std::replace(out.begin(), out.end(), '-', ' ');
    return out;
}

std::string signed_number(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

}  // namespace frontline::game
