#include "SearchField.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QStringListModel>

namespace kith::app {

namespace {
const QStringList &filterKeys()
{
    static const QStringList keys{QStringLiteral("from:"), QStringLiteral("in:"), QStringLiteral("has:")};
    return keys;
}
} // namespace

SearchField::SearchField(QWidget *parent)
    : QLineEdit(parent), m_completer(new QCompleter(this)), m_candidates(new QStringListModel(this))
{
    setObjectName(QStringLiteral("SearchField"));
    m_completer->setModel(m_candidates);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(8);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &SearchField::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &SearchField::updateCompletions);
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        // The clear button comes with the first text: the style decodes its icon from a PNG,
        // a cost the window's start-up need not pay.
        if (!text.isEmpty() && !isClearButtonEnabled())
            setClearButtonEnabled(true);
        if (text.isEmpty())
            emit cleared(); // the clear button, or every character deleted
    });
}

void SearchField::setSources(Names people, Names channels)
{
    m_people = std::move(people);
    m_channels = std::move(channels);
}

QStringList SearchField::completionsFor(const QString &word) const
{
    QStringList out;
    const auto offer = [&](const QString &key, const QStringList &values) {
        for (const QString &v : values)
            out.append(key + v);
    };
    if (word.startsWith(QLatin1String("from:"), Qt::CaseInsensitive) && m_people)
        offer(QStringLiteral("from:"), m_people());
    else if (word.startsWith(QLatin1String("in:"), Qt::CaseInsensitive) && m_channels)
        offer(QStringLiteral("in:"), m_channels());
    else if (word.startsWith(QLatin1String("has:"), Qt::CaseInsensitive))
        offer(QStringLiteral("has:"), {QStringLiteral("attachment"), QStringLiteral("image"), QStringLiteral("link")});
    else if (!word.isEmpty())
        for (const QString &key : filterKeys())
            if (key.startsWith(word, Qt::CaseInsensitive) && key != word)
                out.append(key);
    // Only what the typed word begins: the popup then shows exactly the choices.
    QStringList matching;
    for (const QString &c : std::as_const(out))
        if (c.startsWith(word, Qt::CaseInsensitive) && c.compare(word, Qt::CaseInsensitive) != 0)
            matching.append(c);
    return matching;
}

int SearchField::wordStart() const
{
    const QString before = text().left(cursorPosition());
    return int(before.lastIndexOf(QLatin1Char(' ')) + 1);
}

void SearchField::updateCompletions()
{
    const int start = wordStart();
    const QString word = text().mid(start, cursorPosition() - start);
    const QStringList choices = completionsFor(word);
    if (choices.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_candidates->setStringList(choices);
    m_completer->setCompletionPrefix(word);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect r = cursorRect();
    r.setWidth(qMax(200, width() / 2));
    m_completer->complete(r);
}

void SearchField::insertCompletion(const QString &completion)
{
    const int start = wordStart();
    QString t = text();
    int end = cursorPosition();
    while (end < t.size() && t.at(end) != QLatin1Char(' '))
        ++end; // the rest of the word under the cursor goes too
    const bool key = completion.endsWith(QLatin1Char(':'));
    const QString insert = key ? completion : completion + QLatin1Char(' ');
    t.replace(start, end - start, insert);
    setText(t);
    setCursorPosition(start + int(insert.size()));
    if (key)
        updateCompletions(); // "from:" goes straight on to the names
}

void SearchField::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Tab:
        case Qt::Key_Escape:
        case Qt::Key_Backtab:
            event->ignore(); // the popup takes them
            return;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit searchRequested(text());
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        if (text().isEmpty())
            clearFocus();
        clear();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void SearchField::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    if (!text().isEmpty() || event->reason() == Qt::PopupFocusReason)
        return;
    // An empty box offers the filters, as a start.
    m_candidates->setStringList(filterKeys());
    m_completer->setCompletionPrefix({});
    QRect r = cursorRect();
    r.setWidth(qMax(200, width() / 2));
    m_completer->complete(r);
}

} // namespace kith::app
