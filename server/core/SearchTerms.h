#pragma once
//! message.search's query text as words and phrases. Only letters, digits and combining marks
//! make words; everything else separates them, so no character of the query reaches a search
//! engine's own syntax (FTS5's OR, NEAR, *, ^, column filters; tsquery's & | ! <->).

#include <QList>
#include <QString>
#include <QStringList>

namespace kith::server::SearchTerms {

//! The query's terms, each a list of words: a quoted "phrase" keeps its words together and in
//! order, any other word stands alone. A quote left open runs to the end. Empty phrases are
//! dropped, so a query of punctuation alone has no terms.
QList<QStringList> parse(const QString &query);

//! A word as compared without case or accents: compatibility-decomposed, marks dropped,
//! case-folded (directory.search matches words this way in memory).
QString fold(const QString &word);

} // namespace kith::server::SearchTerms
