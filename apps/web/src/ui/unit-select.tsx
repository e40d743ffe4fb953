/** The 科室 picker of the supervision screens; shown only when there is more than one to choose from. */
export function UnitSelect({ units, value, onChange }: { units: readonly { unitId: string; unitName: string }[]; value: string; onChange: (unitId: string) => void }) {
  if (units.length <= 1) return null;
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="科室">
      {units.map((u) => (
        <option key={u.unitId} value={u.unitId}>
          {u.unitName}
        </option>
      ))}
    </select>
  );
}
