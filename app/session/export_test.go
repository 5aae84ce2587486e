package session

// WritesHeld is how many scenarios Simulation.writing holds, for the
// package's external tests.
func (m *Simulation) WritesHeld() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.writing)
}
