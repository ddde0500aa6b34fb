import { Outlet } from 'react-router';
import './codesign.css';

/** Wraps the studio's pages so its styles apply only there. */
export function CodesignFrame() {
  return (
    <div className="codesign">
      <Outlet />
    </div>
  );
}
