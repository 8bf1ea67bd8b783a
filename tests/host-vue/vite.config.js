// Vue 3 + Vite, as Vue's documentation has it for custom elements: the one setting is telling Vue's
// template compiler that <ecs-integration-guide> is a custom element, not a Vue component.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'ecs-integration-guide' } } })],
});
