#include "MentionCompleter.h"

#include "Icons.h"
#include "Theme.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTextBlock>

namespace kith::app {

namespace {
constexpr int kRow = 34;
constexpr int kMaxShown = 8;
enum { InsertRole = Qt::UserRole + 1, IdRole, KindRole };

bool usernameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-';
}

// A row: the avatar (people) or a hash (channels), the name, and "@username" beside it.
class Delegate : public QStyledItemDelegate
{
public:
    Delegate(const Theme *theme, QObject *parent) : QStyledItemDelegate(parent), m_theme(theme) {}
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), kRow};
    }
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRect r = option.rect;
        if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
            p->setPen(Qt::NoPen);
            p->setBrush(m_theme->color(QStringLiteral("selected")));
            p->drawRoundedRect(r.adjusted(4, 1, -4, -1), 4, 4);
        }
        const bool person = index.data(KindRole).toChar() == u'@';
        const QString label = index.data(Qt::DisplayRole).toString();
        const QRectF mark(r.left() + 12, r.center().y() - 11, 22, 22);
        if (person)
            icons::paintAvatar(p, mark, index.data(IdRole).toULongLong(), label, *m_theme);
        else
            icons::paint(p, icons::Kind::Hash, mark.adjusted(2, 2, -2, -2), m_theme->color(QStringLiteral("textMuted")));
        QFont f = option.font;
        p->setFont(f);
        p->setPen(m_theme->color(QStringLiteral("text")));
        const int x = int(mark.right()) + 10;
        const QFontMetrics fm(f);
        const QString shown = fm.elidedText(label, Qt::ElideRight, (r.right() - x) * 2 / 3);
        p->drawText(QRect(x, r.top(), r.right() - x, r.height()), Qt::AlignVCenter | Qt::AlignLeft, shown);
        const QString handle = index.data(InsertRole).toString();
        if (person && handle != label) {
            p->setPen(m_theme->color(QStringLiteral("textMuted")));
            const int hx = x + fm.horizontalAdvance(shown) + 8;
            p->drawText(QRect(hx, r.top(), r.right() - hx - 8, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
                        fm.elidedText(QLatin1Char('@') + handle, Qt::ElideRight, r.right() - hx - 8));
        }
        p->restore();
    }

private:
    const Theme *m_theme;
};
} // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit *editor, const Theme *theme, Source source)
    : QObject(editor), m_editor(editor), m_theme(theme), m_source(std::move(source))
{
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
}

bool MentionCompleter::isOpen() const
{
    return m_completer && m_completer->popup()->isVisible();
}

bool MentionCompleter::tokenBefore(const QString &text, int cursor, QChar *kind, int *start)
{
    int i = cursor;
    while (i > 0 && usernameChar(text.at(i - 1)))
        --i;
    if (i == 0 || cursor - i > 32)
        return false;
    const QChar mark = text.at(i - 1);
    if (mark != u'@' && mark != u'#')
        return false;
    // As the host reads mentions: an @ right after a word (an e-mail address) is none.
    if (i >= 2) {
        const QChar before = text.at(i - 2);
        if (before.isLetterOrNumber() || before == u'_' || before == u'.' || before == u'@' || before == u'#')
            return false;
    }
    *kind = mark;
    *start = i - 1;
    return true;
}

void MentionCompleter::update()
{
    const QTextCursor c = m_editor->textCursor();
    const QString block = c.block().text();
    QChar kind;
    int start = 0;
    if (!m_editor->hasFocus() || c.hasSelection()
        || !tokenBefore(block, c.positionInBlock(), &kind, &start)) {
        if (isOpen())
            m_completer->popup()->hide();
        return;
    }
    const QString prefix = block.mid(start + 1, c.positionInBlock() - start - 1);
    const QList<MentionCandidate> found = m_source ? m_source(kind, prefix) : QList<MentionCandidate>{};
    if (found.isEmpty()) {
        if (isOpen())
            m_completer->popup()->hide();
        return;
    }
    if (!m_completer) {
        m_model = new QStandardItemModel(this);
        m_completer = new QCompleter(m_model, this);
        m_completer->setWidget(m_editor);
        m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        m_completer->setMaxVisibleItems(kMaxShown);
        m_completer->popup()->setObjectName(QStringLiteral("MentionPopup"));
        m_completer->popup()->setItemDelegate(new Delegate(m_theme, m_completer->popup()));
        connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &MentionCompleter::insert);
    }
    m_kind = kind;
    m_model->clear();
    for (const MentionCandidate &cand : found) {
        auto *item = new QStandardItem(cand.label);
        item->setData(cand.insert, InsertRole);
        item->setData(QVariant::fromValue(quint64(cand.id)), IdRole);
        item->setData(kind, KindRole);
        m_model->appendRow(item);
    }
    m_completer->setCompletionPrefix({});
    QAbstractItemView *popup = m_completer->popup();
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    // Above the composer, as wide as its text, as tall as the rows.
    const int rows = int(qMin<qsizetype>(found.size(), kMaxShown));
    QRect r = m_editor->cursorRect();
    r.setLeft(0);
    r.setWidth(qMin(m_editor->width(), 420));
    m_completer->complete(r);
    const int height = rows * kRow + 2 * popup->frameWidth();
    const QPoint topLeft = m_editor->mapToGlobal(QPoint(0, 0)) - QPoint(0, height + 6);
    popup->setGeometry(QRect(topLeft, QSize(r.width(), height)));
}

void MentionCompleter::insert(const QModelIndex &index)
{
    const QString name = index.data(InsertRole).toString();
    QTextCursor c = m_editor->textCursor();
    const QString block = c.block().text();
    QChar kind;
    int start = 0;
    if (name.isEmpty() || !tokenBefore(block, c.positionInBlock(), &kind, &start))
        return;
    c.setPosition(c.block().position() + start);
    c.setPosition(m_editor->textCursor().position(), QTextCursor::KeepAnchor);
    c.insertText(kind + name + QLatin1Char(' '));
    m_editor->setTextCursor(c);
    if (isOpen())
        m_completer->popup()->hide();
}

} // namespace kith::app
