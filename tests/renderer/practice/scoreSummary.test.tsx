// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreSummary } from '../../../renderer/src/practice/FeedbackPanel';

afterEach(cleanup);

describe('ScoreSummary: how the total is made', () => {
  it('says what the design serves and how well, the two parts of the total', () => {
    render(<ScoreSummary score={{ total: 32, coverage: 80, quality: 40, categories: {}, capped: false, rules: [] }} />);
    expect(screen.getByTestId('score-total').textContent).toBe('32');
    expect(screen.getByTestId('score-formula').textContent).toBe('Serves 80 % of what the prompt asks × quality 40 %');
  });

  it('keeps saying both parts when a broken core requirement caps the total', () => {
    render(<ScoreSummary score={{ total: 40, coverage: 100, quality: 90, categories: {}, capped: true, rules: [] }} />);
    expect(screen.getByTestId('score-formula').textContent).toBe('Serves 100 % of what the prompt asks × quality 90 %');
    expect(screen.getByText(/Capped at 40/)).toBeTruthy();
  });
});
