import './diagnostics-page';
