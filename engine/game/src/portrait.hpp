// The customer's face, drawn procedurally with ImDrawList so it scales to any
// resolution and needs no image files. The expression follows the mood
// continuously; the five named emotions are bands of it.
#pragma once

#include "frontline/scenario.hpp"

#include <optional>

#include <imgui.h>

#include <string_view>

namespace frontline::game {

enum class Emotion : uint8_t { furious, annoyed, neutral, pleased, delighted };
inline constexpr int emotion_count = 5;

/// Mood 0..100 to its emotion band (0-19 furious ... 80-100 delighted).
Emotion emotion_of(int mood);
std::string_view emotion_name(Emotion e);  ///< "Furious", ...
ImU32 emotion_color(Emotion e);

/// Draws the face in a square of side `size` at the cursor and advances it.
/// `mood` may be fractional while easing; `seed` (e.g. the customer's name)
/// picks skin, hair and hair style so each customer looks like somebody.
/// The customer's face at `mood`. Drawn as the scenario describes them when it does
/// (`customer.portrait`); otherwise a look derived from `seed` (their name).
void draw_portrait(float mood, std::string_view seed, const std::optional<Portrait>& look, float size);

}  // namespace frontline::game
