import './popup-app';
