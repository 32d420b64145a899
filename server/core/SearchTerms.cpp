#include "SearchTerms.h"

#include <QStringView>

namespace kith::server::SearchTerms {

namespace {

//! Letters, digits, combining marks and private-use characters: what SQLite's unicode61
//! tokenizer keeps in a token (and PostgreSQL's parser in a word).
bool isWordChar(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
    case QChar::Other_PrivateUse:
        return true;
    default:
        return false;
    }
}

} // namespace

QList<QStringList> parse(const QString &query)
{
    QList<QStringList> out;
    QStringList phrase;
    QString word;
    bool quoted = false;
    auto endWord = [&] {
        if (word.isEmpty())
            return;
        phrase.append(word);
        word.clear();
        if (!quoted) {
            out.append(phrase);
            phrase.clear();
        }
    };
    auto endPhrase = [&] {
        endWord();
        if (!phrase.isEmpty())
            out.append(phrase);
        phrase.clear();
    };
    const QStringView text(query);
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        qsizetype n = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            n = 2;
        }
        if (c == U'"') {
            endPhrase();
            quoted = !quoted;
        } else if (isWordChar(c)) {
            word += text.mid(i, n);
        } else {
            endWord();
        }
        i += n;
    }
    endPhrase();
    return out;
}

QString fold(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed)
        if (!c.isMark())
            out += c;
    return out.toCaseFolded();
}

} // namespace kith::server::SearchTerms
