#include "ConnectionLogDialog.h"

#include "LaidOutView.h"
#include "Theme.h"
#include "net/FrameLog.h"

#include <QEvent>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace kith::app {

namespace {
//! Connection notes in the theme's muted colour, so the frames stand out.
class LineDelegate : public QStyledItemDelegate
{
public:
    LineDelegate(const Theme *theme, QObject *parent) : QStyledItemDelegate(parent), m_muted(theme->color(QStringLiteral("textMuted"))) {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(FrameLog::DirectionRole).toInt() == int(FrameLog::Direction::Note))
            option->palette.setColor(QPalette::Text, m_muted);
    }

private:
    QColor m_muted;
};
} // namespace

ConnectionLogDialog::ConnectionLogDialog(FrameLog *log, const Theme *theme, QWidget *parent)
    : QDialog(parent), m_log(log), m_direction(new QSortFilterProxyModel(this)),
      m_search(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_show(new QComboBox(this)),
      m_view(new LaidOutView<QListView>(this)), m_detail(new QPlainTextEdit(this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("ConnectionLogDialog"));
    setModal(false);
    resize(920, 560);
    auto *layout = new QVBoxLayout(this);
    auto *heading = m_heading = new QLabel(this);
    heading->setProperty("heading", true);
    layout->addWidget(heading);
    auto *hint = m_hint = new QLabel(this);
    hint->setProperty("muted", true);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *row = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("ConnectionLogFilter"));
    m_filter->setClearButtonEnabled(true);
    row->addWidget(m_filter, 1);
    m_show->setObjectName(QStringLiteral("ConnectionLogDirection"));
    for (const Show show : {Show::All, Show::Sent, Show::Received})
        m_show->addItem(QString(), int(show));
    row->addWidget(m_show);
    layout->addLayout(row);

    // Two small proxies: direction, then text over the direction, host and frame.
    m_direction->setSourceModel(log);
    m_direction->setFilterRole(FrameLog::DirectionRole);
    m_search->setSourceModel(m_direction);
    m_search->setFilterRole(FrameLog::SearchRole);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("ConnectionLogView"));
    m_view->setModel(m_search);
    m_view->setItemDelegate(new LineDelegate(theme, m_view));
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setUniformItemSizes(true); // one line each: no per-row measuring
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // A row shows one line; the selected frame is read whole below it.
    m_detail->setObjectName(QStringLiteral("ConnectionLogDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(m_view->font());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto *bottom = new QHBoxLayout;
    m_count->setObjectName(QStringLiteral("ConnectionLogCount"));
    m_count->setProperty("muted", true);
    bottom->addWidget(m_count, 1);
    auto *copy = m_copy = new QPushButton(this);
    copy->setObjectName(QStringLiteral("ConnectionLogCopy"));
    copy->setAutoDefault(false);
    auto *clear = m_clear = new QPushButton(this);
    clear->setObjectName(QStringLiteral("ConnectionLogClear"));
    clear->setAutoDefault(false);
    auto *buttons = m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    bottom->addWidget(copy);
    bottom->addWidget(clear);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_search->setFilterFixedString(text.trimmed());
        updateCount();
        m_view->scrollToBottom();
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto show = Show(m_show->itemData(i).toInt());
        const QString pattern = show == Show::Sent ? QStringLiteral("^%1$").arg(int(FrameLog::Direction::Sent))
            : show == Show::Received               ? QStringLiteral("^%1$").arg(int(FrameLog::Direction::Received))
                                                   : QString();
        m_direction->setFilterRegularExpression(pattern);
        updateCount();
        m_view->scrollToBottom();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_detail->setPlainText(current.data(FrameLog::IndentedRole).toString());
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(shownLines().join(QLatin1Char('\n')));
    });
    connect(clear, &QPushButton::clicked, m_log, &FrameLog::clear);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Follow new frames only while the user is at the bottom: reading older ones stays put.
    connect(m_search, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_atBottom = bar->value() >= bar->maximum() - 4;
    });
    connect(m_search, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_atBottom)
            m_view->scrollToBottom();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_search, signal, this, &ConnectionLogDialog::updateCount);
    connect(m_search, &QAbstractItemModel::modelReset, this, &ConnectionLogDialog::updateCount);
    connect(m_search, &QAbstractItemModel::layoutChanged, this, &ConnectionLogDialog::updateCount);
    retranslate();
    m_view->scrollToBottom();
}

void ConnectionLogDialog::retranslate()
{
    setWindowTitle(tr("Connection log"));
    m_heading->setText(tr("Connection log"));
    m_hint->setText(tr("What this app sent (→) and received (←) from each server, and its connections' "
                       "changes (·). Tokens and passwords are masked."));
    m_filter->setPlaceholderText(tr("Filter frames"));
    m_filter->setAccessibleName(tr("Filter frames"));
    m_show->setAccessibleName(tr("Direction"));
    m_show->setItemText(m_show->findData(int(Show::All)), tr("All"));
    m_show->setItemText(m_show->findData(int(Show::Sent)), tr("Sent"));
    m_show->setItemText(m_show->findData(int(Show::Received)), tr("Received"));
    m_view->setAccessibleName(tr("Frames"));
    m_detail->setAccessibleName(tr("Selected frame"));
    m_detail->setPlaceholderText(tr("Select a frame to read it whole"));
    m_copy->setText(tr("Copy"));
    m_copy->setAccessibleName(tr("Copy the frames shown"));
    m_clear->setText(tr("Clear"));
    m_clear->setAccessibleName(tr("Clear the log"));
    // The box's own button text follows Qt's translation by itself; its name is ours.
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    updateCount();
}

void ConnectionLogDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_search->invalidate(); // frames are searchable by the words "sent" and "received", translated
        retranslate();
    }
}

void ConnectionLogDialog::setFilterText(const QString &text)
{
    m_filter->setText(text); // filters through textChanged, as typing does
}

void ConnectionLogDialog::setShow(Show show)
{
    m_show->setCurrentIndex(m_show->findData(int(show)));
}

QStringList ConnectionLogDialog::shownLines() const
{
    QStringList lines;
    lines.reserve(m_search->rowCount());
    for (int i = 0; i < m_search->rowCount(); ++i)
        lines << m_search->index(i, 0).data(FrameLog::LineRole).toString();
    return lines;
}

void ConnectionLogDialog::updateCount()
{
    const int total = m_log->rowCount();
    const int shown = m_search->rowCount();
    const QString cap = QLocale().toString(FrameLog::kMaxEntries);
    m_count->setText(shown == total ? tr("%Ln frame(s), capped at %1", nullptr, total).arg(cap)
                                    : tr("%1 of %Ln frame(s) shown, capped at %2", nullptr, total)
                                          .arg(QLocale().toString(shown), cap));
}

} // namespace kith::app
