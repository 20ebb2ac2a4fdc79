// The debrief's two charts, drawn with ImDrawList: the quadrant (technical %
// against personal %, with the path the call took) and the mood curve.
#pragma once

#include "debrief_model.hpp"

#include <imgui.h>

namespace frontline::game {

/// Square chart of side `size` at the cursor. Pass marks split it into the four
/// quadrants; the path is numbered by turn and ends in this attempt's dot.
void draw_quadrant_chart(const std::vector<PathPoint>& path, int pass_technical, int pass_personal, float size);

/// One dot per attempt on the quadrant chart (the progress screen): `dots` in time
/// order, each coloured by `dot_colors` (its own quadrant); the latest is ringed.
void draw_quadrant_dots(const std::vector<PathPoint>& dots, const std::vector<ImU32>& dot_colors, int pass_technical,
                        int pass_personal, float size);

/// Both needs' percentages attempt by attempt (never blended into one number).
void draw_needs_over_time(const std::vector<PathPoint>& attempts, float width, float height);

/// Mood over the call, 0..100, with the five emotion bands behind it.
void draw_mood_curve(const std::vector<int>& mood, float width, float height);

}  // namespace frontline::game
