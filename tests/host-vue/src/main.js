// The Vue test host's entry.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
