// MarkdownWriter.h — the practitioner document as Markdown (CommonMark with
// GitHub's tables), the flowchart embedded as a Mermaid block that code
// hosts draw.
#pragma once

#include "render/Document.h"

#include <string>

namespace escalade::render {

std::string writeMarkdown(const Document &doc);

} // namespace escalade::render
