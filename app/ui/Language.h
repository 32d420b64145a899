#pragma once
//! The interface language: Qt's own strings and Kith's, for "system" or a language code.
//! Applying it again replaces the translators, so the language can change while running.

#include <QString>

namespace kith::app::language {

//! Installs the translators for `language` ("system", "" or a code such as "fr") and makes its
//! locale the default (dates, numbers). Widgets built afterwards speak it.
void apply(const QString &language);

} // namespace kith::app::language
