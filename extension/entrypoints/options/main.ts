import './options-page';
