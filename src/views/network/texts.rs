//! The network view's German and English interface strings, and the status line and pause button texts
//! for a layout status.

use ecomap_core::model::Lang;

use super::engine::LayoutStatus;

pub struct ViewTexts {
    pub label: &'static str,
    /// What the stage is, for screen readers (`aria-roledescription`).
    pub roledescription: &'static str,
    pub mode: &'static str,
    pub ecosystems: &'static str,
    pub collaboration: &'static str,
    pub all: &'static str,
    pub filtered: &'static str,
    pub fade: &'static str,
    pub hide: &'static str,
    pub ego: &'static str,
    pub ego_off: &'static str,
    pub ego_1: &'static str,
    pub ego_2: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    /// The button once the layout stopped by itself: run more iterations from where it is.
    pub rerun: &'static str,
    pub running: &'static str,
    pub paused: &'static str,
    pub done: &'static str,
    pub nodes: &'static str,
    pub help: &'static str,
    pub fit: &'static str,
    pub technology: &'static str,
    pub size: &'static str,
    pub size_degree: &'static str,
    pub size_volume: &'static str,
    pub legend_degree: &'static str,
    pub legend_volume: &'static str,
    /// "showing N of M links" while the layout moves: before N, between N and M, after M.
    pub thinned: [&'static str; 3],
    pub options: &'static str,
}

pub const DE: ViewTexts = ViewTexts {
    label: "Netzwerk der Akteure und Technologien",
    roledescription: "Graph",
    mode: "Ansicht",
    ecosystems: "Technologie-Ökosysteme",
    collaboration: "Kooperationen",
    all: "Alles",
    filtered: "Nicht Gewählte",
    fade: "abblenden",
    hide: "ausblenden",
    ego: "Umfeld der Auswahl",
    ego_off: "aus",
    ego_1: "direkte Nachbarn",
    ego_2: "zwei Schritte",
    pause: "Layout anhalten",
    resume: "Layout fortsetzen",
    rerun: "Layout weiterrechnen",
    running: "Layout läuft",
    paused: "Layout angehalten",
    done: "Layout fertig",
    nodes: "Knoten im Netzwerk (wichtigste zuerst)",
    help: "Pfeiltasten: zum nächsten Knoten in dieser Richtung; N: nächster Nachbar; Enter: Details; Esc: zurück. Ziehen zum Verschieben, Mausrad oder zwei Finger zum Zoomen.",
    fit: "Alles zeigen",
    technology: "Technologie",
    size: "Größe nach",
    size_degree: "Verbindungen",
    size_volume: "Projektvolumen",
    legend_degree: "Größe: Zahl der Verbindungen",
    legend_volume: "Größe (Fläche): Volumen der Projekte",
    thinned: ["zeigt ", " von ", " Verbindungen, solange das Layout läuft; alle, sobald es ruht"],
    options: "Einstellungen",
};

pub const EN: ViewTexts = ViewTexts {
    label: "Network of actors and technologies",
    roledescription: "graph",
    mode: "Show",
    ecosystems: "Technology ecosystems",
    collaboration: "Collaboration",
    all: "All",
    filtered: "Not selected",
    fade: "fade",
    hide: "hide",
    ego: "Around the selection",
    ego_off: "off",
    ego_1: "direct neighbours",
    ego_2: "two steps",
    pause: "Pause layout",
    resume: "Resume layout",
    rerun: "Refine layout",
    running: "Layout running",
    paused: "Layout paused",
    done: "Layout done",
    nodes: "Nodes in the network (most important first)",
    help: "Arrow keys: nearest node in that direction; N: next neighbour; Enter: details; Esc: back. Drag to pan, wheel or two fingers to zoom.",
    fit: "Show all",
    technology: "Technology",
    size: "Size by",
    size_degree: "connections",
    size_volume: "project volume",
    legend_degree: "Size: number of connections",
    legend_volume: "Size (area): volume of projects",
    thinned: ["showing ", " of ", " links while the layout moves; all of them once it rests"],
    options: "Options",
};

pub fn texts(lang: Lang) -> &'static ViewTexts {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

impl ViewTexts {
    /// The status line: "Layout running (42)", "Layout paused", "Layout done".
    pub fn status_line(&self, status: LayoutStatus, iterations: u32) -> String {
        match status {
            LayoutStatus::Running => format!("{} ({})", self.running, iterations),
            LayoutStatus::Paused => self.paused.to_string(),
            LayoutStatus::Done => self.done.to_string(),
        }
    }

    /// The pause button: pause while running, resume when paused, refine once the layout stopped by itself.
    pub fn pause_label(&self, status: LayoutStatus) -> &'static str {
        match status {
            LayoutStatus::Running => self.pause,
            LayoutStatus::Paused => self.resume,
            LayoutStatus::Done => self.rerun,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_line_and_pause_button_follow_the_layout_status() {
        assert_eq!(EN.status_line(LayoutStatus::Running, 42), "Layout running (42)");
        assert_eq!(DE.status_line(LayoutStatus::Paused, 42), "Layout angehalten");
        assert_eq!(EN.status_line(LayoutStatus::Done, 7), "Layout done");
        assert_eq!(EN.pause_label(LayoutStatus::Running), "Pause layout");
        assert_eq!(EN.pause_label(LayoutStatus::Paused), "Resume layout");
        assert_eq!(EN.pause_label(LayoutStatus::Done), "Refine layout");
        assert_eq!(DE.pause_label(LayoutStatus::Done), "Layout weiterrechnen");
    }

    #[test]
    fn the_layout_marker_keys_stay_as_the_tests_read_them() {
        let keys = [LayoutStatus::Running, LayoutStatus::Paused, LayoutStatus::Done].map(LayoutStatus::key);
        assert_eq!(keys, ["running", "paused", "done"]);
    }
}
