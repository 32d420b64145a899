#include "MessageDelegate.h"

#include "Icons.h"
#include "Theme.h"
#include "state/AttachmentCache.h"
#include "state/MessageListModel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <algorithm>
#include <utility>

namespace kith::app {

namespace {
constexpr int kAvatar = 36;
constexpr int kLeft = 16;
constexpr int kBodyX = kLeft + kAvatar + 14;
constexpr int kRight = 24;
constexpr int kSeparatorH = 34;
constexpr int kNewLineH = 18;
constexpr int kGroupTop = 14;
constexpr int kBottom = 3;
constexpr int kQuoteIndent = 12; // a quote level: its bar and the gap after it
constexpr int kCompactGroupTop = 6;
constexpr int kQuoteAvatar = 16;
constexpr int kChipGap = 4;    // between chips, and above their first row
constexpr int kChipPad = 8;    // inside a chip, left and right
constexpr qreal kQuoteFont = 0.875;
constexpr qreal kEmojiFont = 1.15;
// Document layout per event-loop turn for estimated rows: well inside a 16 ms frame.
constexpr qint64 kRefineBudgetNs = 4'000'000;
constexpr int kHurryMargin = 10; // rows above the screen done along with it
using M = MessageListModel;

// Quoted lines ("> "): how deep, 0 when not quoted.
int quoteLevel(const QTextBlock &b)
{
    return b.isValid() ? b.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) : 0;
}

bool isCode(const QTextBlock &b)
{
    return b.isValid()
        && (b.blockFormat().hasProperty(QTextFormat::BlockCodeFence) || b.blockFormat().nonBreakableLines());
}

// Compact rows put the name before the text; a body that opens with a block of its own
// (code, a quote, a heading, a list) starts on the line under the name instead.
bool opensWithBlock(const QString &text)
{
    static const QRegularExpression block(QStringLiteral(R"(^\s{0,3}(```|~~~|>|#{1,6}\s|[-*+]\s|\d+[.)]\s))"));
    return block.match(text).hasMatch();
}

// Fonts for QPainter::setFont, which takes every property not marked as set from the
// widget's own (style-sheet) font: these are measured as they are, so all are marked.
QFont nameFont(const QFont &base)
{
    QFont bold = base;
    bold.setResolveMask(QFont::AllPropertiesResolved);
    bold.setWeight(QFont::DemiBold);
    return bold;
}

QFont timeFont(const QFont &base, double factor)
{
    QFont small = base;
    small.setResolveMask(QFont::AllPropertiesResolved);
    small.setPointSizeF(small.pointSizeF() * factor);
    return small;
}

// The locale's short time, without seconds (the C locale's short format has them); made again
// when the language changes, so every time shown follows the same locale.
QString shortTime()
{
    static QString localeName;
    static QString format;
    const QLocale locale;
    if (locale.name() != localeName) {
        localeName = locale.name();
        format = locale.timeFormat(QLocale::ShortFormat).remove(QLatin1String(":ss"));
    }
    return format;
}
} // namespace

QFont MessageDelegate::emojiFont(const QFont &base, qreal scale)
{
    QFont f = base;
    f.setResolveMask(QFont::AllPropertiesResolved);
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setFamilies({QStringLiteral("Noto Color Emoji"), QStringLiteral("Apple Color Emoji"),
                   QStringLiteral("Segoe UI Emoji"), base.family()});
    return f;
}

QString MessageDelegate::timeText(const QTime &time)
{
    return QLocale().toString(time, shortTime());
}

MessageDelegate::MessageDelegate(const Theme *theme, QWidget *viewport, QObject *parent)
    : QStyledItemDelegate(parent), m_theme(theme), m_viewport(viewport), m_docs(300), m_refiner(new QTimer(this))
{
    m_refiner->setSingleShot(true);
    m_refiner->setInterval(0);
    connect(m_refiner, &QTimer::timeout, this, &MessageDelegate::refine);
    // Laid-out messages hold the colours of code and quotes, and the font's size: a new theme
    // or text size lays them out again.
    connect(theme, &Theme::changed, this, [this] {
        invalidate();
        emit sizesRefined();
        m_viewport->update();
    });
}

void MessageDelegate::invalidate()
{
    m_timeColumn = -1;
    m_docs.clear();
    m_sizes.clear();
    resetRows();
}

QColor MessageDelegate::authorColor(const QModelIndex &index) const
{
    const QColor c = m_nameColor ? m_nameColor(index.data(MessageListModel::AuthorIdRole).toULongLong()) : QColor();
    return c.isValid() ? c : m_theme->color(QStringLiteral("text"));
}

void MessageDelegate::setMentionNames(MentionNames names)
{
    m_mentionNames = std::move(names);
    mentionNamesChanged();
}

void MessageDelegate::mentionNamesChanged()
{
    invalidate();
    emit sizesRefined();
    m_viewport->update();
}

void MessageDelegate::markMentions(QTextDocument *doc) const
{
    if (!m_mentionNames.person && !m_mentionNames.channel)
        return;
    // The host's reading of a mention (PROTOCOL.md 10.3): not right after a word character.
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9_.@#])([@#])([A-Za-z0-9_.\\-]{1,32})"));
    QColor back = m_theme->color(QStringLiteral("accent"));
    back.setAlphaF(0.28f);
    const QColor fore = m_theme->color(QStringLiteral("text"));
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (isCode(b) || (!text.contains(u'@') && !text.contains(u'#')))
            continue;
        struct Chip { int start, length; QString label; QString href; };
        QList<Chip> chips;
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QString name = m.captured(2);
            while (name.endsWith(u'.') || name.endsWith(u'-'))
                name.chop(1); // "thanks @ann." names ann
            if (name.isEmpty())
                continue;
            Chip chip{int(m.capturedStart()), int(name.size() + 1), {}, {}};
            if (m.captured(1) == u"#") {
                const quint64 id = m_mentionNames.channel ? m_mentionNames.channel(name) : 0;
                if (!id)
                    continue;
                chip.label = u'#' + name;
                chip.href = kChannelLink + QString::number(id);
            } else if (name.compare(u"everyone", Qt::CaseInsensitive) == 0) {
                chip.label = QStringLiteral("@everyone");
            } else {
                const QString shown = m_mentionNames.person ? m_mentionNames.person(name) : QString();
                if (shown.isEmpty())
                    continue;
                chip.label = u'@' + shown;
            }
            chips.append(chip);
        }
        // From the end: each replacement shifts what follows it.
        for (auto c = chips.crbegin(); c != chips.crend(); ++c) {
            QTextCursor cur(doc);
            cur.setPosition(b.position() + c->start + 1);
            QTextCharFormat f = cur.charFormat();
            if (f.fontFixedPitch() || f.isAnchor())
                continue; // inside code or a link: plain text
            cur.setPosition(b.position() + c->start);
            cur.setPosition(b.position() + c->start + c->length, QTextCursor::KeepAnchor);
            f.setBackground(back);
            f.setForeground(fore);
            f.setFontWeight(QFont::DemiBold);
            if (!c->href.isEmpty()) {
                f.setAnchor(true);
                f.setAnchorHref(c->href);
            }
            // Thin spaces inside the tint: the chip's padding.
            cur.insertText(QChar(0x2009) + c->label + QChar(0x2009), f);
        }
    }
}

void MessageDelegate::resetRows() const
{
    m_rowsChanging = false;
    m_estimated = 0;
    m_hurryTo = -1;
    m_rowSizes = QList<QSize>(m_model ? m_model->rowCount() : 0);
}

void MessageDelegate::watch(const QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    resetRows();
    if (!model)
        return;
    const auto changing = [this] { m_rowsChanging = true; };
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, changing);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, changing);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, changing);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, changing);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, changing);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        m_rowsChanging = false;
        const bool estimate = std::exchange(m_estimateNext, false);
        if (parent.isValid() || first > m_rowSizes.size())
            return;
        const bool prepend = first == 0 && !m_rowSizes.isEmpty();
        m_rowSizes.insert(first, last - first + 1, QSize());
        if (m_hurryTo >= first)
            m_hurryTo += last - first + 1;
        if ((prepend && estimate) || first < m_estimated) {
            m_estimated += last - first + 1;
            m_refiner->start();
        }
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent, int first, int last) {
        m_rowsChanging = false;
        if (parent.isValid() || last >= m_rowSizes.size())
            return;
        m_rowSizes.remove(first, last - first + 1);
        m_estimated -= qMax(0, qMin(last + 1, m_estimated) - first);
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int row = qMax(0, from.row()); row <= to.row() && row < m_rowSizes.size(); ++row)
            m_rowSizes[row] = QSize();
    });
    connect(model, &QAbstractItemModel::rowsMoved, this, &MessageDelegate::resetRows);
    connect(model, &QAbstractItemModel::modelReset, this, &MessageDelegate::resetRows);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MessageDelegate::resetRows);
}

int MessageDelegate::timeColumn() const
{
    if (m_timeColumn < 0)
        m_timeColumn = QFontMetrics(timeFont(QApplication::font(), 0.8)).horizontalAdvance(timeText(QTime(22, 58))) + 10;
    return m_timeColumn;
}

int MessageDelegate::bodyWidth() const
{
    const int x = m_theme->compact() ? kLeft + timeColumn() : kBodyX;
    return qMax(120, m_viewport->width() - x - kRight);
}

MessageDelegate::Layout MessageDelegate::layout(const QModelIndex &index) const
{
    Layout l;
    const bool grouped = index.data(M::GroupedRole).toBool();
    const bool dayStart = index.data(M::DayStartRole).toBool();
    const bool newStart = index.data(M::NewStartRole).toBool();
    l.separator = dayStart ? kSeparatorH : newStart ? kNewLineH : 0;
    l.newLine = newStart;
    const QFontMetrics fm(QApplication::font());
    // A reply's quoted line sits above its author (replies always start a group).
    if (index.data(M::ReplyToIdRole).toULongLong())
        l.quote = QFontMetrics(timeFont(QApplication::font(), kQuoteFont)).height() + 6;
    if (m_theme->compact()) {
        // No avatar: a time column, then the name in front of the text on the same line.
        const bool first = !grouped || dayStart || newStart;
        l.top = first ? (dayStart ? 2 : kCompactGroupTop) : 0;
        if (first) {
            const QFontMetrics nfm(nameFont(QApplication::font()));
            if (opensWithBlock(index.data(Qt::DisplayRole).toString()))
                l.header = nfm.height() + 2;
            else
                l.indent = std::min(nfm.horizontalAdvance(index.data(M::AuthorNameRole).toString()),
                                    bodyWidth() / 2) + 8;
        }
        l.body = QPoint(kLeft + timeColumn(), l.separator + l.top + l.quote + l.header);
        return l;
    }
    if (grouped && !dayStart && !newStart) {
        l.top = 1;
    } else {
        l.top = dayStart ? 4 : kGroupTop;
        l.header = fm.height() + 6;
    }
    l.body = QPoint(kBodyX, l.separator + l.top + l.quote + l.header);
    return l;
}

QTextDocument *MessageDelegate::document(const QModelIndex &index, int width, int indent) const
{
    const quint64 key = qHashMulti(0, index.data(M::CacheKeyRole).toULongLong(), width, indent);
    if (QTextDocument *doc = m_docs.object(key))
        return doc;
    ++m_docsMade;
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    doc->setDefaultFont(QApplication::font());
    doc->setMarkdown(index.data(Qt::DisplayRole).toString(),
                     QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                     | QTextDocument::MarkdownNoHTML));
    // Markdown gives code and links their shape; the theme gives them their colours.
    const QColor codeBg = m_theme->color(QStringLiteral("codeBg"));
    const QColor link = m_theme->color(QStringLiteral("link"));
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        QTextCursor bc(b);
        QTextBlockFormat bf = b.blockFormat();
        const bool code = isCode(b);
        const bool prevCode = isCode(b.previous());
        const bool nextCode = isCode(b.next());
        // Code lines get room around them; paint() draws one rounded box behind each run.
        bf.setTopMargin(code && !prevCode && b.previous().isValid() ? 6 : code && !prevCode ? 4 : 0);
        bf.setBottomMargin(code ? (nextCode ? 0 : 6) : (b.next().isValid() ? 4 : 0));
        if (code) {
            bf.setLeftMargin(10);
            bf.setRightMargin(10);
            bf.clearBackground();
        }
        // Qt indents a quote 40 px a level; chat apps draw a bar and indent a little.
        if (const int level = quoteLevel(b); level > 0)
            bf.setLeftMargin(kQuoteIndent * level + (code ? 10 : 0));
        bc.setBlockFormat(bf);
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            QTextCharFormat cf = frag.charFormat();
            bool change = false;
            if (cf.isAnchor()) {
                cf.setForeground(link);
                change = true;
            } else if (cf.fontFixedPitch() && !bf.nonBreakableLines()
                       && !bf.hasProperty(QTextFormat::BlockCodeFence)) {
                cf.setBackground(codeBg);
                change = true;
            }
            if (change) {
                QTextCursor fc(doc);
                fc.setPosition(frag.position());
                fc.setPosition(frag.position() + frag.length(), QTextCursor::KeepAnchor);
                fc.setCharFormat(cf);
            }
        }
    }
    markMentions(doc);
    if (index.data(M::EditedAtRole).toLongLong() > 0) {
        QTextCursor c(doc);
        c.movePosition(QTextCursor::End);
        QTextCharFormat f;
        f.setForeground(m_theme->color(QStringLiteral("textFaint")));
        QFont small = QApplication::font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        f.setFont(small);
        c.insertText(QStringLiteral(" ") + tr("(edited)"), f);
    }
    if (indent > 0) {
        QTextCursor first(doc->begin());
        QTextBlockFormat bf = first.blockFormat();
        bf.setTextIndent(indent);
        first.setBlockFormat(bf);
    }
    doc->setTextWidth(width);
    m_docs.insert(key, doc);
    return doc;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const int width = bodyWidth();
    if (width != m_sizesWidth) {
        m_sizes.clear();
        m_rowSizes.fill(QSize());
        m_sizesWidth = width;
    }
    // Mid-change, or out of step (a signal missed): measure through the model as before.
    const int row = index.row();
    const bool byRow = !m_rowsChanging && index.model() == m_model;
    if (byRow && m_rowSizes.size() != m_model->rowCount())
        resetRows();
    if (byRow && m_rowSizes.at(row).isValid())
        return m_rowSizes.at(row);
    const QSize s = byRow && row < m_estimated ? estimate(index, width) : measure(index, width);
    if (byRow)
        m_rowSizes[row] = s;
    return s;
}

QSize MessageDelegate::measure(const QModelIndex &index, int width) const
{
    const quint64 key = index.data(M::CacheKeyRole).toULongLong();
    const auto it = m_sizes.constFind(key);
    if (it != m_sizes.constEnd())
        return *it;
    const Layout l = layout(index);
    const bool compact = m_theme->compact();
    const int textH = textHeight(index, document(index, width, l.indent));
    const int docH = AttachmentPainter::bottom(layoutAttachments(index, width, textH), textH);
    int h = l.body.y() + chipsHeight(layoutChips(index, width, docH), docH) + (compact ? 1 : kBottom);
    if (index.data(M::StatusRole).toInt() == int(M::Status::Failed))
        h += QFontMetrics(QApplication::font()).height() + 2;
    if (l.header && !compact)
        h = qMax(h, l.separator + l.top + l.quote + kAvatar + kBottom);

    const QSize s(width + l.body.x() + kRight, h);
    m_sizes.insert(key, s);
    return s;
}

QSize MessageDelegate::estimate(const QModelIndex &index, int width) const
{
    // Only for rows above the viewport, and the view keeps its place counted from the
    // bottom: a rough line count is enough until refine() has the real height.
    const Layout l = layout(index);
    const QFontMetrics fm(QApplication::font());
    const QString text = index.data(Qt::DisplayRole).toString();
    const int perLine = qMax(1, width / qMax(1, fm.averageCharWidth()));
    const int lines = 1 + int(text.size()) / perLine + int(text.count(QLatin1Char('\n')));
    const int textH = text.isEmpty() ? 0 : lines * fm.lineSpacing();
    int h = l.body.y() + AttachmentPainter::bottom(layoutAttachments(index, width, textH), textH) + kBottom;
    if (!index.data(M::ReactionsRole).toList().isEmpty())
        h += fm.height() + 6 + kChipGap;
    if (l.header && !m_theme->compact())
        h = qMax(h, l.separator + l.top + l.quote + kAvatar + kBottom);
    return QSize(width + l.body.x() + kRight, h);
}

void MessageDelegate::refine()
{
    if (!m_model || m_rowsChanging)
        return;
    if (m_rowSizes.size() != m_model->rowCount()) {
        resetRows();
        emit sizesRefined();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const int width = bodyWidth();
    // From the bottom of the page up: the rows the user reaches first are done first. Rows
    // already on screen (the user outran us) and a few above them are done whatever it takes.
    const int hurryTo = std::exchange(m_hurryTo, -1);
    while (m_estimated > 0) {
        const int row = --m_estimated;
        m_rowSizes[row] = measure(m_model->index(row, 0), width);
        if (row > hurryTo - kHurryMargin && hurryTo >= 0)
            continue;
        if (timer.nsecsElapsed() > kRefineBudgetNs)
            break;
    }
    m_refineNs += timer.nsecsElapsed();
    m_refineMaxNs = qMax(m_refineMaxNs, timer.nsecsElapsed());
    if (m_estimated > 0)
        m_refiner->start();
    if (m_estimated == 0 || hurryTo >= 0)
        emit sizesRefined();
}

QString MessageDelegate::dayText(const QDate &date) const
{
    const QDate today = QDate::currentDate();
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

void MessageDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QElapsedTimer timer;
    timer.start();
    // The user outran refine(): do the rows on screen next turn, not draw into guessed heights.
    if (index.row() < m_estimated && index.model() == m_model)
        m_hurryTo = m_hurryTo < 0 ? index.row() : qMin(m_hurryTo, index.row());
    const Layout l = layout(index);
    const QRect r = option.rect;
    const QDateTime created = index.data(M::CreatedRole).toDateTime();
    const auto status = M::Status(index.data(M::StatusRole).toInt());
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);

    const bool dayStart = index.data(M::DayStartRole).toBool();
    if (dayStart) {
        const int y = r.top() + l.separator / 2;
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        f.setWeight(QFont::DemiBold);
        p->setFont(f);
        const QString text = dayText(created.date());
        const int tw = QFontMetrics(f).horizontalAdvance(text) + 16;
        const int cx = r.left() + r.width() / 2;
        p->setPen(QPen(m_theme->color(QStringLiteral("separator")), 1));
        p->drawLine(r.left() + kLeft, y, cx - tw / 2, y);
        p->drawLine(cx + tw / 2, y, r.right() - kRight, y);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        p->drawText(QRect(cx - tw / 2, r.top(), tw, l.separator), Qt::AlignCenter, text);
    }
    if (l.newLine) {
        // Where my reading stopped: a line in the danger colour ending in a small "NEW" tag,
        // over the day separator's line when both fall on the same row.
        const QColor red = m_theme->color(QStringLiteral("danger"));
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.75);
        f.setBold(true);
        p->setFont(f);
        const QString tag = tr("NEW");
        const QFontMetrics tfm(f);
        const int tagW = tfm.horizontalAdvance(tag) + 10, tagH = tfm.height() + 2;
        const int y = r.top() + l.separator / 2;
        const QRect tagRect(r.right() - kRight - tagW, y - tagH / 2, tagW, tagH);
        if (!dayStart) {
            p->setPen(QPen(red, 1));
            p->drawLine(r.left() + kLeft, y, tagRect.left() - 4, y);
        }
        p->setPen(Qt::NoPen);
        p->setBrush(red);
        p->drawRoundedRect(tagRect, 3, 3);
        p->setPen(m_theme->color(QStringLiteral("accentText")));
        p->drawText(tagRect, Qt::AlignCenter, tag);
    }
    const QRect body = messageRect(r, index);
    if (index.data(M::MentionRole).toBool()) {
        // Addressed to me: a warm tint and a bar at the edge, as chat apps mark mentions.
        QColor tint = m_theme->color(QStringLiteral("warning"));
        tint.setAlphaF(option.state & QStyle::State_MouseOver ? 0.16 : 0.10);
        p->fillRect(body, tint);
        p->fillRect(QRect(body.left(), body.top(), 3, body.height()), m_theme->color(QStringLiteral("warning")));
    } else if (option.state & QStyle::State_MouseOver) {
        p->fillRect(body, m_theme->color(QStringLiteral("hover")));
    }
    if (m_highlighted && index.data(M::IdRole).toULongLong() == m_highlighted) {
        // Jumped to from a reply: a passing accent tint, so the eye finds it.
        QColor tint = m_theme->color(QStringLiteral("accent"));
        tint.setAlphaF(0.22);
        p->fillRect(body, tint);
        p->fillRect(QRect(body.left(), body.top(), 3, body.height()), m_theme->color(QStringLiteral("accent")));
    }
    if (l.quote)
        paintQuote(p, r, l, index);
    const QString author = index.data(M::AuthorNameRole).toString();
    if (m_theme->compact()) {
        // The time on every row, the name where a run of messages starts.
        const QFontMetrics fm(option.font);
        if (status == M::Status::Sent) {
            p->setFont(timeFont(QApplication::font(), 0.8));
            p->setPen(m_theme->color(QStringLiteral("textFaint")));
            const QRect column(r.left() + kLeft, r.top() + l.body.y(), timeColumn() - 6, fm.height());
            p->drawText(column, Qt::AlignLeft | Qt::AlignVCenter, timeText(created.time()));
        }
        if (l.header || l.indent) {
            // The font layout() measured the name in, so the room left for it fits exactly.
            const QFont bold = nameFont(QApplication::font());
            p->setFont(bold);
            p->setPen(authorColor(index));
            const int width = l.indent ? l.indent - 4 : r.width() / 2;
            const int y = l.header ? l.separator + l.top + l.quote : l.body.y();
            p->drawText(QPoint(r.left() + l.body.x(), r.top() + y + fm.ascent()),
                        QFontMetrics(bold).elidedText(author, Qt::ElideRight, width));
        }
    } else if (l.header) {
        const QRect avatar(r.left() + kLeft, r.top() + l.separator + l.top + l.quote + 1, kAvatar, kAvatar);
        // Asked only for painted headers: an avatar is fetched and decoded once it is on screen.
        const QImage picture = m_attachments ? m_attachments->avatar(index.data(M::AuthorAvatarRole).toString()) : QImage();
        icons::paintAvatar(p, avatar, index.data(M::AuthorIdRole).toULongLong(), author, *m_theme, picture);
        QFont bold = option.font;
        bold.setWeight(QFont::DemiBold);
        p->setFont(bold);
        p->setPen(authorColor(index));
        const QFontMetrics fm(bold);
        const int baseY = r.top() + l.separator + l.top + l.quote;
        const QString name = fm.elidedText(author, Qt::ElideRight, r.width() / 2);
        p->drawText(QPoint(r.left() + kBodyX, baseY + fm.ascent()), name);
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.8);
        p->setFont(small);
        p->setPen(m_theme->color(QStringLiteral("textFaint")));
        const QString when = status == M::Status::Sent
            ? (created.date() == QDate::currentDate()
                   ? tr("Today at %1").arg(timeText(created.time()))
                   : QLocale().toString(created.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                         + timeText(created.time()))
            : tr("Sending…");
        p->drawText(QPoint(r.left() + kBodyX + fm.horizontalAdvance(name) + 8, baseY + fm.ascent()), when);
    } else if (option.state & QStyle::State_MouseOver && status == M::Status::Sent) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.72);
        p->setFont(small);
        p->setPen(m_theme->color(QStringLiteral("textFaint")));
        const QRect gutter(r.left(), r.top() + l.body.y(), kBodyX - 4, QFontMetrics(option.font).height());
        p->drawText(gutter, Qt::AlignCenter, timeText(created.time()));
    }

    QTextDocument *doc = document(index, bodyWidth(), l.indent);
    p->translate(r.topLeft() + l.body);
    // The side bar of each quote level, one per run of lines quoted at least that deep.
    int deepest = 0;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        deepest = std::max(deepest, quoteLevel(b));
    p->setPen(Qt::NoPen);
    p->setBrush(m_theme->color(QStringLiteral("textFaint")));
    for (int level = 1; level <= deepest; ++level) {
        QRectF run;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            if (quoteLevel(b) >= level) {
                const QRectF br = doc->documentLayout()->blockBoundingRect(b);
                run = run.isNull() ? br : run.united(br);
            }
            if (!run.isNull() && (!b.next().isValid() || quoteLevel(b.next()) < level)) {
                p->drawRoundedRect(QRectF((level - 1) * kQuoteIndent, run.top(), 3, run.height()), 1.5, 1.5);
                run = QRectF();
            }
        }
    }
    QRectF box;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (!isCode(b))
            continue;
        const QRectF br = doc->documentLayout()->blockBoundingRect(b);
        box = box.isNull() ? br : box.united(br);
        if (!isCode(b.next())) {
            p->setPen(Qt::NoPen);
            p->setBrush(m_theme->color(QStringLiteral("codeBg")));
            p->drawRoundedRect(QRectF(0, box.top() - 3, doc->textWidth(), box.height() + 6), 5, 5);
            box = QRectF();
        }
    }
    QAbstractTextDocumentLayout::PaintContext ctx;
    const QColor textColor = m_theme->color(status == M::Status::Sent ? QStringLiteral("text")
                                                                      : QStringLiteral("textMuted"));
    ctx.palette.setColor(QPalette::Text, textColor);
    ctx.clip = QRectF(0, 0, r.width(), r.height());
    const int textH = textHeight(index, doc);
    if (textH)
        doc->documentLayout()->draw(p, ctx);
    const QList<AttachmentPainter::Box> boxes = layoutAttachments(index, bodyWidth(), textH);
    if (!boxes.isEmpty())
        AttachmentPainter::paint(p, index.data(M::AttachmentsRole).value<QList<Attachment>>(), boxes,
                                 m_attachments, *m_theme, option.font);
    const int contentH = AttachmentPainter::bottom(boxes, textH);
    paintChips(p, layoutChips(index, bodyWidth(), contentH));
    if (status == M::Status::Failed) {
        p->setFont(option.font);
        p->setPen(m_theme->color(QStringLiteral("dangerText")));
        const int y = contentH + QFontMetrics(option.font).ascent() + 1;
        p->drawText(QPoint(0, y), tr("Not sent: %1. Right-click to retry.")
                                      .arg(index.data(M::ErrorRole).toString()));
    }
    p->restore();
    m_paintNs += timer.nsecsElapsed();
}

MessageDelegate::Quote MessageDelegate::quote(const QModelIndex &index, int width) const
{
    Quote q;
    const QFont font = timeFont(QApplication::font(), kQuoteFont);
    q.name = index.data(M::ReplyAuthorRole).toString();
    if (q.name.isEmpty()) {
        QFont italic = font;
        italic.setItalic(true);
        const QFontMetrics fm(italic);
        q.text = fm.elidedText(tr("Original message was deleted"), Qt::ElideRight, width);
        q.width = fm.horizontalAdvance(q.text);
        return q;
    }
    const QFontMetrics bold(nameFont(font));
    const QFontMetrics fm(font);
    q.name = bold.elidedText(q.name, Qt::ElideRight, width / 3);
    q.nameWidth = bold.horizontalAdvance(q.name);
    const int left = kQuoteAvatar + 4 + q.nameWidth + 6;
    // The first line only, as one line: the quote is a pointer, not a copy.
    const QString first = index.data(M::ReplyTextRole).toString().section(QLatin1Char('\n'), 0, 0).simplified();
    q.text = fm.elidedText(first, Qt::ElideRight, qMax(0, width - left));
    q.width = left + fm.horizontalAdvance(q.text);
    return q;
}

void MessageDelegate::paintQuote(QPainter *p, const QRect &r, const Layout &l, const QModelIndex &index) const
{
    const bool compact = m_theme->compact();
    const int top = r.top() + l.separator + l.top;
    const int mid = top + l.quote / 2;
    const int x = r.left() + l.body.x();
    // The curved connector from the author's avatar (or the time column) up to the quote.
    const int from = r.left() + (compact ? kLeft + 6 : kLeft + kAvatar / 2);
    QPainterPath path;
    path.moveTo(from, top + l.quote + (compact ? 0 : 1));
    path.lineTo(from, mid + 6);
    path.quadTo(from, mid, from + 6, mid);
    path.lineTo(x - 4, mid);
    QColor line = m_theme->color(QStringLiteral("textFaint"));
    line.setAlphaF(0.7);
    p->setPen(QPen(line, 2, Qt::SolidLine, Qt::RoundCap));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path);

    const Quote q = quote(index, r.right() - kRight - x);
    const QFont font = timeFont(QApplication::font(), kQuoteFont);
    const QFontMetrics fm(font);
    const int baseline = mid - fm.height() / 2 + fm.ascent();
    if (q.name.isEmpty()) {
        p->save(); // the avatar after this takes the painter's font
        QFont italic = font;
        italic.setItalic(true);
        p->setFont(italic);
        p->setPen(m_theme->color(QStringLiteral("textMuted")));
        p->drawText(QPoint(x, baseline), q.text);
        p->restore();
        return;
    }
    const quint64 authorId = index.data(M::ReplyAuthorIdRole).toULongLong();
    icons::paintAvatar(p, QRectF(x, mid - kQuoteAvatar / 2.0, kQuoteAvatar, kQuoteAvatar), authorId,
                       index.data(M::ReplyAuthorRole).toString(), *m_theme);
    p->setFont(nameFont(font));
    p->setPen(m_theme->nameColor(authorId));
    p->drawText(QPoint(x + kQuoteAvatar + 4, baseline), q.name);
    p->setFont(font);
    p->setPen(m_theme->color(QStringLiteral("textMuted")));
    p->drawText(QPoint(x + kQuoteAvatar + 4 + q.nameWidth + 6, baseline), q.text);
}

QRect MessageDelegate::messageRect(const QRect &rect, const QModelIndex &index) const
{
    const Layout l = layout(index);
    return rect.adjusted(0, l.separator + (l.header || l.quote ? l.top - 4 : 0), 0, 0);
}

QRect MessageDelegate::quoteRect(const QRect &rect, const QModelIndex &index) const
{
    const Layout l = layout(index);
    if (!l.quote)
        return {};
    const int x = rect.left() + l.body.x();
    const Quote q = quote(index, rect.right() - kRight - x);
    return QRect(x, rect.top() + l.separator + l.top, q.width, l.quote);
}

QList<MessageDelegate::Chip> MessageDelegate::layoutChips(const QModelIndex &index, int width, int bodyHeight) const
{
    const QVariantList reactions = index.data(M::ReactionsRole).toList();
    if (reactions.isEmpty())
        return {};
    const QFontMetrics efm(emojiFont(QApplication::font(), kEmojiFont));
    const QFontMetrics fm(nameFont(QApplication::font()));
    const int h = qMax(efm.height(), fm.height()) + 6;
    QList<Chip> out;
    int x = 0, y = bodyHeight + kChipGap;
    const auto place = [&](Chip chip, int w) {
        if (x > 0 && x + w > width) {
            x = 0;
            y += h + kChipGap;
        }
        chip.rect = QRect(x, y, w, h);
        x += w + kChipGap;
        out.append(chip);
    };
    for (const QVariant &v : reactions) {
        const QVariantMap m = v.toMap();
        Chip c{m.value(QStringLiteral("emoji")).toString(), m.value(QStringLiteral("count")).toInt(),
               m.value(QStringLiteral("me")).toBool(), {}};
        const int w = kChipPad + efm.horizontalAdvance(c.emoji) + 6 + fm.horizontalAdvance(QString::number(c.count)) + kChipPad;
        place(c, qMax(w, h + 12));
    }
    place(Chip{}, h + 12); // "+": add a reaction
    return out;
}

int MessageDelegate::chipsHeight(const QList<Chip> &chips, int bodyHeight) const
{
    return chips.isEmpty() ? bodyHeight : chips.last().rect.bottom() + 1 + 2;
}

QList<MessageDelegate::Chip> MessageDelegate::chips(const QRect &rect, const QModelIndex &index) const
{
    const Layout l = layout(index);
    const int width = bodyWidth();
    const int textH = textHeight(index, document(index, width, l.indent));
    QList<Chip> out = layoutChips(index, width, AttachmentPainter::bottom(layoutAttachments(index, width, textH), textH));
    for (Chip &c : out)
        c.rect.translate(rect.topLeft() + l.body);
    return out;
}

int MessageDelegate::textHeight(const QModelIndex &index, const QTextDocument *doc) const
{
    // A message of only files has no text line above them, unless compact rows put the
    // author's name there.
    if (index.data(Qt::DisplayRole).toString().isEmpty() && index.data(M::EditedAtRole).toLongLong() == 0)
        return m_theme->compact() && layout(index).indent ? QFontMetrics(QApplication::font()).lineSpacing() : 0;
    return int(doc->size().height());
}

QList<AttachmentPainter::Box> MessageDelegate::layoutAttachments(const QModelIndex &index, int width, int textH) const
{
    const QVariant v = index.data(M::AttachmentsRole);
    if (!v.isValid() || index.data(M::HiddenRole).toBool())
        return {};
    const QList<Attachment> list = v.value<QList<Attachment>>();
    if (list.isEmpty())
        return {};
    return AttachmentPainter::layout(list, width, textH ? textH + AttachmentPainter::kGap : 0);
}

QList<AttachmentPainter::Box> MessageDelegate::attachmentBoxes(const QRect &rect, const QModelIndex &index) const
{
    const Layout l = layout(index);
    const int width = bodyWidth();
    QList<AttachmentPainter::Box> out = layoutAttachments(index, width, textHeight(index, document(index, width, l.indent)));
    for (AttachmentPainter::Box &b : out) {
        b.rect.translate(rect.topLeft() + l.body);
        if (!b.save.isEmpty())
            b.save.translate(rect.topLeft() + l.body);
    }
    return out;
}

void MessageDelegate::paintChips(QPainter *p, const QList<Chip> &chips) const
{
    if (chips.isEmpty())
        return;
    const QFont emoji = emojiFont(QApplication::font(), kEmojiFont);
    const QFont countFont = nameFont(QApplication::font());
    const QColor accent = m_theme->color(QStringLiteral("accent"));
    for (const Chip &c : chips) {
        const QRectF box = QRectF(c.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        QColor fill = c.me ? accent : m_theme->color(QStringLiteral("input"));
        if (c.me)
            fill.setAlphaF(0.22);
        p->setBrush(fill);
        p->setPen(c.me ? QPen(accent, 1) : QPen(m_theme->color(QStringLiteral("separator")), 1));
        p->drawRoundedRect(box, 7, 7);
        if (c.emoji.isEmpty()) {
            icons::paint(p, icons::Kind::AddReaction,
                         QRectF(box.center() - QPointF(9, 9), QSizeF(18, 18)), m_theme->color(QStringLiteral("textMuted")));
            continue;
        }
        p->setFont(emoji);
        p->setPen(m_theme->color(QStringLiteral("text")));
        const int ew = QFontMetrics(emoji).horizontalAdvance(c.emoji);
        p->drawText(QRect(c.rect.left() + kChipPad, c.rect.top(), ew, c.rect.height()), Qt::AlignCenter, c.emoji);
        p->setFont(countFont);
        p->setPen(c.me ? m_theme->color(QStringLiteral("text")) : m_theme->color(QStringLiteral("textMuted")));
        p->drawText(QRect(c.rect.left() + kChipPad + ew + 6, c.rect.top(), c.rect.width(), c.rect.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, QString::number(c.count));
    }
}

QString MessageDelegate::anchorAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const
{
    const Layout l = layout(index);
    QTextDocument *doc = document(index, bodyWidth(), l.indent);
    return doc->documentLayout()->anchorAt(pos - rect.topLeft() - l.body);
}

} // namespace kith::app
