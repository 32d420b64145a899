#include "QuickSwitcher.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace kith::app {

QuickSwitcher::QuickSwitcher(const QList<Target> &targets, QWidget *parent)
    : QDialog(parent), m_targets(targets), m_field(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_empty(new QLabel(tr("No results"), this))
{
    setWindowTitle(tr("Quick switcher"));
    setMinimumSize(520, 380);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    auto *hint = new QLabel(tr("Where to? Type part of a channel, server, DM or friend's name."), this);
    hint->setProperty("muted", true);
    layout->addWidget(hint);
    m_field->setPlaceholderText(tr("Search channels, servers, DMs and friends"));
    m_field->setAccessibleName(tr("Search"));
    m_field->installEventFilter(this);
    layout->addWidget(m_field);
    m_list->setObjectName(QStringLiteral("Switcher"));
    m_list->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_list, 1);
    m_empty->setObjectName(QStringLiteral("SwitcherEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setProperty("muted", true);
    layout->addWidget(m_empty, 1);
    connect(m_field, &QLineEdit::textChanged, this, &QuickSwitcher::refilter);
    connect(m_list, &QListWidget::itemActivated, this, &QuickSwitcher::accept);
    connect(m_field, &QLineEdit::returnPressed, this, &QuickSwitcher::accept);
    refilter();
}

int QuickSwitcher::score(const QString &query, const QString &text)
{
    if (query.isEmpty())
        return 0;
    // Greedy from every place the first letter occurs; the best run wins. Names are short.
    int best = -1;
    for (int start = 0; start < text.size(); ++start) {
        if (text.at(start).toLower() != query.at(0).toLower())
            continue;
        int s = 0, run = 0, qi = 0;
        for (int i = start; i < text.size() && qi < query.size(); ++i) {
            if (text.at(i).toLower() != query.at(qi).toLower()) {
                run = 0;
                continue;
            }
            const bool wordStart = i == 0 || !text.at(i - 1).isLetterOrNumber();
            s += 1 + run * 4 + (wordStart ? 3 : 0);
            ++run;
            ++qi;
        }
        if (qi == query.size())
            best = qMax(best, s * 100 / (10 + int(text.size())) + s);
    }
    return best;
}

void QuickSwitcher::refilter()
{
    using Kind = Target::Kind;
    const QString q = m_field->text().trimmed();
    QList<QPair<int, int>> ranked; // (score, target index)
    for (int i = 0; i < m_targets.size(); ++i) {
        const Target &t = m_targets[i];
        const int s = t.kind == Kind::Guild     ? score(q, t.guild)
                    : t.kind == Kind::Channel ? qMax(score(q, t.channel), score(q, t.guild + QLatin1Char(' ') + t.channel) - 5)
                                              : score(q, t.channel);
        if (s >= 0)
            ranked.append({s, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](auto a, auto b) { return a.first > b.first; });
    m_list->clear();
    for (const auto &[s, i] : ranked) {
        const Target &t = m_targets[i];
        QString text = t.kind == Kind::Guild   ? tr("%1  (server)").arg(t.guild)
                     : t.kind == Kind::Channel ? tr("# %1   —  %2").arg(t.channel, t.guild)
                     : t.kind == Kind::Dm      ? tr("@ %1   —  direct message").arg(t.channel)
                                               : tr("%1   —  friend").arg(t.channel);
        if (!t.hostName.isEmpty())
            text += tr("   ·  %1").arg(t.hostName);
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, i);
    }
    if (m_list->count())
        m_list->setCurrentRow(0);
    m_list->setVisible(m_list->count() > 0);
    m_empty->setVisible(m_list->count() == 0);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int n = m_list->count();
            if (n)
                m_list->setCurrentRow((m_list->currentRow() + (key == Qt::Key_Down ? 1 : -1) + n) % n);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::accept()
{
    QListWidgetItem *item = m_list->currentItem();
    if (item) {
        emit chosen(m_targets.at(item->data(Qt::UserRole).toInt()));
    }
    QDialog::accept();
}

} // namespace kith::app
